/* Test-only stand-in for Windows' system ICU (icuuc.dll), which Wine 8 lacks; never shipped.
 * Qt6Core.dll imports these ucnv_* functions (QStringConverter's legacy codecs). Every call fails, so Qt
 * keeps its own UTF-8 and Latin-1 converters. Built by packaging/windows-under-wine.sh into the Wine prefix. */
#include <stdint.h>
#include <stddef.h>
typedef int UErrorCode;
typedef uint16_t UChar;
typedef void (*Cb)(void);
#define API __declspec(dllexport)
static void fail(UErrorCode *e) { if (e && *e <= 0) *e = 4; /* U_FILE_ACCESS_ERROR */ }
API void *ucnv_open(const char *n, UErrorCode *e) { (void)n; fail(e); return NULL; }
API void ucnv_close(void *c) { (void)c; }
API void UCNV_FROM_U_CALLBACK_SUBSTITUTE(void) {}
API void UCNV_TO_U_CALLBACK_SUBSTITUTE(void) {}
API void ucnv_reset(void *c) { (void)c; }
API int8_t ucnv_getMaxCharSize(const void *c) { (void)c; return 1; }
API const char *ucnv_getName(const void *c, UErrorCode *e) { (void)c; fail(e); return NULL; }
API void ucnv_getToUCallBack(const void *c, Cb *a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
API void ucnv_getFromUCallBack(const void *c, Cb *a, const void **x) { (void)c; if (a) *a = NULL; if (x) *x = NULL; }
API void ucnv_setToUCallBack(void *c, Cb n, const void *nx, Cb *o, const void **ox, UErrorCode *e)
{ (void)c; (void)n; (void)nx; if (o) *o = NULL; if (ox) *ox = NULL; fail(e); }
API void ucnv_setFromUCallBack(void *c, Cb n, const void *nx, Cb *o, const void **ox, UErrorCode *e)
{ (void)c; (void)n; (void)nx; if (o) *o = NULL; if (ox) *ox = NULL; fail(e); }
API void ucnv_cbToUWriteUChars(void *a, const UChar *s, int32_t l, int32_t o, UErrorCode *e)
{ (void)a; (void)s; (void)l; (void)o; fail(e); }
API void ucnv_cbFromUWriteUChars(void *a, const UChar **s, const UChar *l, int32_t o, UErrorCode *e)
{ (void)a; (void)s; (void)l; (void)o; fail(e); }
API void ucnv_toUnicode(void *c, UChar **t, const UChar *tl, const char **s, const char *sl, int32_t *o, int8_t f,
                        UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
API void ucnv_fromUnicode(void *c, char **t, const char *tl, const UChar **s, const UChar *sl, int32_t *o, int8_t f,
                          UErrorCode *e) { (void)c; (void)t; (void)tl; (void)s; (void)sl; (void)o; (void)f; fail(e); }
API int32_t ucnv_toUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
API int32_t ucnv_fromUCountPending(const void *c, UErrorCode *e) { (void)c; fail(e); return 0; }
API const char *ucnv_getStandardName(const char *n, const char *s, UErrorCode *e) { (void)n; (void)s; fail(e); return NULL; }
API const char *ucnv_getAvailableName(int32_t n) { (void)n; return NULL; }
API int32_t ucnv_countAvailable(void) { return 0; }
