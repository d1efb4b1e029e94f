// Only the declaration in include/FuzzDriver.h is needed; SwiftPM wants a source file in a C target.
#include "FuzzDriver.h"
