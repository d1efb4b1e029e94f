#ifndef TMNORM_FUZZ_DRIVER_H
#define TMNORM_FUZZ_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's entry point (compiler-rt, linked by -sanitize=fuzzer). The targets call it from their own
/// main: SwiftPM links an executable's main under a renamed symbol, which would hide libFuzzer's main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
