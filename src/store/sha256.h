/* SHA-256 (FIPS 180-4), small and dependency-free, for code hashes. */
#pragma once

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN 32
#define SHA256_HEX_LEN    65 /* 64 hex digits and a NUL */

/* Incremental use: init, update as often as needed, final. Owned by the caller (plain struct). */
struct sha256_ctx {
        uint32_t h[8];
        uint64_t len; /* bytes hashed so far */
        uint8_t buf[64];
        size_t n; /* bytes waiting in buf */
};

void sha256_init(struct sha256_ctx *c);
void sha256_update(struct sha256_ctx *c, const void *data, size_t len);
void sha256_final(struct sha256_ctx *c, uint8_t out[SHA256_DIGEST_LEN]);

/* One call: the lower-case hex digest of data into hex[SHA256_HEX_LEN]. Returns hex. */
char *sha256_hex(const void *data, size_t len, char hex[SHA256_HEX_LEN]);
