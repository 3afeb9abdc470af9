#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* append-only key-value log store in the working directory: puts are framed as
 * [key u64][len u32][value bytes] and appended through a 64 KiB write buffer with
 * write(2); an in-memory open-addressing index maps each key to the offset of its latest
 * record. Random gets use pread; then the log is compacted (live records copied into a new
 * file through the buffer, rename over the old one) and the compacted file is scanned with
 * fread to rebuild and compare the index. Index and file both grow with the puts. */
struct rec_hdr {
        uint64_t key;
        uint32_t len;
} __attribute__((packed));

struct store {
        int fd;
        unsigned char wbuf[65536];
        size_t wlen;
        off_t size;
        uint64_t *keys;
        off_t *offs;
        size_t cap;
};

static void flush(struct store *s)
{
        if (s->wlen && write(s->fd, s->wbuf, s->wlen) != (ssize_t)s->wlen)
                exit(2);
        s->wlen = 0;
}

static void append(struct store *s, const void *p, size_t n)
{
        if (s->wlen + n > sizeof s->wbuf)
                flush(s);
        memcpy(s->wbuf + s->wlen, p, n);
        s->wlen += n;
        s->size += (off_t)n;
}

static size_t index_slot(const struct store *s, uint64_t key)
{
        size_t i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (s->cap - 1);
        while (s->keys[i] && s->keys[i] != key)
                i = (i + 1) & (s->cap - 1);
        return i;
}

static void put(struct store *s, uint64_t key, const char *val, uint32_t len)
{
        struct rec_hdr h = {key, len};
        size_t i = index_slot(s, key);
        s->keys[i] = key;
        s->offs[i] = s->size;
        append(s, &h, sizeof h);
        append(s, val, len);
}

static int value_for(uint64_t key, uint32_t version, char *out)
{
        return snprintf(out, 200, "value-%llu-v%u-%.*s", (unsigned long long)key, version, (int)(key % 97), "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
}

int main(void)
{
        const struct { long puts; long keyspace; } cfg = {__SIZE__, __SIZE__ / 3 + 1};
        struct store *s = calloc(1, sizeof *s);
        s->cap = 1;
        while (s->cap < (size_t)cfg.keyspace * 2)
                s->cap <<= 1;
        s->keys = calloc(s->cap, sizeof(uint64_t));
        s->offs = calloc(s->cap, sizeof(off_t));
        s->fd = open("kvlog.data", O_RDWR | O_CREAT | O_TRUNC, 0600);
        if (s->fd < 0)
                return 1;
        char val[256];
        uint64_t r = 88172645463325252ULL;
        for (long i = 0; i < cfg.puts; i++) {
                r ^= r << 13, r ^= r >> 7, r ^= r << 17;
                uint64_t key = 1 + r % (uint64_t)cfg.keyspace;
                int len = value_for(key, (uint32_t)i, val);
                put(s, key, val, (uint32_t)len);
        }
        flush(s);
        off_t log_size = s->size;
        long gets = 0, found = 0;
        unsigned char rbuf[512];
        for (long i = 0; i < cfg.puts / 2; i++) {
                r ^= r << 13, r ^= r >> 7, r ^= r << 17;
                uint64_t key = 1 + r % (uint64_t)cfg.keyspace;
                size_t slot = index_slot(s, key);
                gets++;
                if (!s->keys[slot])
                        continue;
                ssize_t n = pread(s->fd, rbuf, sizeof rbuf, s->offs[slot]);
                struct rec_hdr h;
                memcpy(&h, rbuf, sizeof h);
                if (n >= (ssize_t)sizeof h && h.key == key && memcmp(rbuf + sizeof h, "value-", 6) == 0)
                        found++;
        }
        /* compaction: copy the latest record of every key into a new file */
        int old = s->fd;
        s->fd = open("kvlog.compact", O_RDWR | O_CREAT | O_TRUNC, 0600);
        s->size = 0;
        long live = 0;
        for (size_t i = 0; i < s->cap; i++) {
                if (!s->keys[i])
                        continue;
                struct rec_hdr h;
                if (pread(old, &h, sizeof h, s->offs[i]) != (ssize_t)sizeof h || pread(old, val, h.len, s->offs[i] + (off_t)sizeof h) != (ssize_t)h.len)
                        return 3;
                s->offs[i] = s->size;
                append(s, &h, sizeof h);
                append(s, val, h.len);
                live++;
        }
        flush(s);
        close(old);
        close(s->fd);
        rename("kvlog.compact", "kvlog.data");
        FILE *f = fopen("kvlog.data", "rb");
        long scanned = 0, mismatched = 0;
        off_t at = 0;
        struct rec_hdr h;
        while (fread(&h, sizeof h, 1, f) == 1) {
                if (fread(val, 1, h.len, f) != h.len)
                        break;
                size_t slot = index_slot(s, h.key);
                mismatched += s->keys[slot] != h.key || s->offs[slot] != at;
                at += (off_t)(sizeof h + h.len);
                scanned++;
        }
        fclose(f);
        unlink("kvlog.data");
        printf("%ld puts (%lld log bytes), %ld/%ld gets found, compacted to %ld live records (%lld bytes), rescanned %ld, mismatched %ld\n",
               cfg.puts, (long long)log_size, found, gets, live, (long long)at, scanned, mismatched);
        free(s->keys), free(s->offs), free(s);
        return mismatched != 0;
}
