/* Test-only stand-in for mscms.dll (colour management); never shipped. Wine 8's WcsCreateIccProfile is an
 * aborting stub, and Qt's qwindows.dll calls it for the screen's colour profile when a window is shown.
 * "Not supported" makes Qt keep sRGB. Loaded instead of Wine's with WINEDLLOVERRIDES=mscms=n. */
#include <windows.h>
__declspec(dllexport) HANDLE WINAPI OpenColorProfileW(void *p, DWORD a, DWORD s, DWORD c)
{ (void)p; (void)a; (void)s; (void)c; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
__declspec(dllexport) BOOL WINAPI CloseColorProfile(HANDLE p) { (void)p; return TRUE; }
__declspec(dllexport) BOOL WINAPI GetColorProfileFromHandle(HANDLE p, BYTE *b, DWORD *n)
{ (void)p; (void)b; if (n) *n = 0; SetLastError(ERROR_NOT_SUPPORTED); return FALSE; }
__declspec(dllexport) HANDLE WINAPI WcsCreateIccProfile(HANDLE p, DWORD o)
{ (void)p; (void)o; SetLastError(ERROR_NOT_SUPPORTED); return NULL; }
