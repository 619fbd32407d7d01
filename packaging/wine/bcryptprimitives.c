/* Test-only stand-in for bcryptprimitives.dll, which Wine 8 lacks; never shipped. PDFium inside Qt6Pdf.dll
 * calls ProcessPrng (Windows 10+) when it opens a PDF (the in-app preview, the self-test's "Pratinjau PDF");
 * without it the process stops at an int3. Implemented with Wine's BCryptGenRandom. */
#include <windows.h>
#include <bcrypt.h>
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len) {
        ULONG chunk = len > 0x10000000 ? 0x10000000 : (ULONG)len;
        if (BCryptGenRandom(NULL, data, chunk, BCRYPT_USE_SYSTEM_PREFERRED_RNG) != 0) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
