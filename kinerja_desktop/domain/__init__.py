"""Pure domain rules of Kinerja Desktop: no Qt, no SQLAlchemy."""
