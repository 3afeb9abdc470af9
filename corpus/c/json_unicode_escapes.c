#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* JSON string escaping round trip in stack buffers: random code-point sequences (ASCII,
 * control characters, quotes, BMP and astral planes) are written as JSON string literals
 * with short escapes and \uXXXX (surrogate pairs above U+FFFF), decoded back to UTF-8 by
 * a hand-written unescaper, and compared with a direct UTF-8 encoding. No heap at all:
 * memory stays constant while the number of strings grows. */
static int utf8_put(uint32_t cp, unsigned char *o)
{
        if (cp < 0x80) {
                o[0] = (unsigned char)cp;
                return 1;
        }
        if (cp < 0x800) {
                o[0] = (unsigned char)(0xC0 | cp >> 6);
                o[1] = (unsigned char)(0x80 | (cp & 63));
                return 2;
        }
        if (cp < 0x10000) {
                o[0] = (unsigned char)(0xE0 | cp >> 12);
                o[1] = (unsigned char)(0x80 | ((cp >> 6) & 63));
                o[2] = (unsigned char)(0x80 | (cp & 63));
                return 3;
        }
        o[0] = (unsigned char)(0xF0 | cp >> 18);
        o[1] = (unsigned char)(0x80 | ((cp >> 12) & 63));
        o[2] = (unsigned char)(0x80 | ((cp >> 6) & 63));
        o[3] = (unsigned char)(0x80 | (cp & 63));
        return 4;
}

static int json_escape(const uint32_t *cps, int n, char *out)
{
        static const char hex[] = "0123456789abcdef";
        int o = 0;
        out[o++] = '"';
        for (int i = 0; i < n; i++) {
                uint32_t c = cps[i];
                const char *short_esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : NULL;
                if (short_esc) {
                        out[o++] = short_esc[0];
                        out[o++] = short_esc[1];
                } else if (c >= 0x20 && c < 0x7f) {
                        out[o++] = (char)c;
                } else {
                        uint32_t units[2];
                        int nu = 1;
                        units[0] = c;
                        if (c >= 0x10000) {
                                units[0] = 0xD800 + ((c - 0x10000) >> 10);
                                units[1] = 0xDC00 + ((c - 0x10000) & 0x3FF);
                                nu = 2;
                        }
                        for (int u = 0; u < nu; u++) {
                                out[o++] = '\\';
                                out[o++] = 'u';
                                for (int sh = 12; sh >= 0; sh -= 4)
                                        out[o++] = hex[(units[u] >> sh) & 15];
                        }
                }
        }
        out[o++] = '"';
        return o;
}

static int hexval(char c)
{
        return c <= '9' ? c - '0' : (c | 32) - 'a' + 10;
}

/* returns the number of UTF-8 bytes written, -1 on malformed input */
static int json_unescape(const char *s, int len, unsigned char *out)
{
        int o = 0;
        if (len < 2 || s[0] != '"' || s[len - 1] != '"')
                return -1;
        for (int i = 1; i < len - 1; i++) {
                if (s[i] != '\\') {
                        out[o++] = (unsigned char)s[i];
                        continue;
                }
                char e = s[++i];
                switch (e) {
                case 'n': out[o++] = '\n'; break;
                case 't': out[o++] = '\t'; break;
                case 'r': out[o++] = '\r'; break;
                case '"': case '\\': case '/': out[o++] = (unsigned char)e; break;
                case 'u': {
                        uint32_t u = 0;
                        for (int k = 1; k <= 4; k++)
                                u = u << 4 | (uint32_t)hexval(s[i + k]);
                        i += 4;
                        if (u >= 0xD800 && u < 0xDC00 && s[i + 1] == '\\' && s[i + 2] == 'u') {
                                uint32_t lo = 0;
                                for (int k = 3; k <= 6; k++)
                                        lo = lo << 4 | (uint32_t)hexval(s[i + k]);
                                i += 6;
                                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                        }
                        o += utf8_put(u, out + o);
                        break;
                }
                default:
                        return -1;
                }
        }
        return o;
}

static uint32_t xorshift(uint32_t *s)
{
        *s ^= *s << 13;
        *s ^= *s >> 17;
        *s ^= *s << 5;
        return *s;
}

struct config {
        long strings;
        int max_len;
};

int main(void)
{
        const struct config cfg = {.strings = __SIZE__, .max_len = 48};
        uint32_t seed = 2463534242u, cps[64];
        char lit[64 * 12 + 4];
        unsigned char direct[64 * 4], decoded[64 * 4];
        long bad = 0, escaped_bytes = 0, utf8_bytes = 0;
        uint32_t digest = 0;
        for (long i = 0; i < cfg.strings; i++) {
                int n = 1 + (int)(xorshift(&seed) % (uint32_t)cfg.max_len);
                for (int k = 0; k < n; k++) {
                        uint32_t r = xorshift(&seed), cls = r % 10;
                        uint32_t v = r >> 8;
                        cps[k] = cls < 5 ? 0x20 + v % 95 : cls == 5 ? "\"\\\n\t\r\x01\x1f"[v % 7] : cls < 8 ? 0x80 + v % 0x780
                               : cls == 8 ? 0x800 + v % (0xD800 - 0x800) : 0x10000 + v % 0x100000;
                }
                int dl = 0;
                for (int k = 0; k < n; k++)
                        dl += utf8_put(cps[k], direct + dl);
                int ll = json_escape(cps, n, lit);
                int ul = json_unescape(lit, ll, decoded);
                if (ul != dl || memcmp(direct, decoded, (size_t)dl) != 0)
                        bad++;
                escaped_bytes += ll;
                utf8_bytes += dl;
                for (int k = 0; k < ll; k++)
                        digest = (digest << 5 | digest >> 27) ^ (uint32_t)(unsigned char)lit[k];
        }
        printf("%ld strings: %ld escaped bytes, %ld UTF-8 bytes, digest %08x, mismatches %ld\n", cfg.strings, escaped_bytes,
               utf8_bytes, digest, bad);
        return bad != 0;
}
