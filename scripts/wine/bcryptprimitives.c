/* A stand-in for Windows' bcryptprimitives.dll, for the Wine test prefix only
 * (never shipped). Rust >= 1.78's standard library takes its random bytes from
 * ProcessPrng in that DLL, which Wine 8.0 lacks, so no Rust program starts
 * there without it. RtlGenRandom (advapi32's SystemFunction036) gives the same
 * kind of bytes. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    /* RtlGenRandom takes a ULONG length: fill larger requests in pieces. */
    while (length > 0) {
        ULONG piece = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, piece))
            return FALSE;
        data += piece;
        length -= piece;
    }
    return TRUE;
}
