// Thin shim over zlib (Debian: zlib1g-dev), for reading gzip-compressed data files.
// No stable API of its own.
#include <zlib.h>
