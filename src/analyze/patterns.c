/* What a call or an import says about resources, by name: network, file and process I/O, sleeps,
 * and algorithm hints. Language-agnostic: callee texts are normalised ("std::sort" and
 * "sort.Slice" both read as dotted names), so one table serves every language. */
#include <pthread.h>
#include <string.h>

#include "analyze/walk_internal.h"
#include "util/cleanup.h"

const char *const ext_kind_names[EXT__COUNT] = {"network", "file", "subprocess", "sleep"};
const char *const hint_kind_names[HINT__COUNT] = {"sort",    "search", "regex",    "hash",
                                                  "numeric", "image",  "compress", "parse"};
const char *const loop_bound_names[BOUND__COUNT] = {"literal", "param", "data"};

enum match { M_NAME, M_PREFIX, M_SUFFIX };

struct pattern {
        const char *s;
        enum match m;
        int ext;
        int hint;
};

#define NET(s, m)                                                                                  \
        {                                                                                          \
                s, m, EXT_NETWORK, -1                                                              \
        }
#define FIO(s, m)                                                                                  \
        {                                                                                          \
                s, m, EXT_FILE, -1                                                                 \
        }
#define PROC(s, m)                                                                                 \
        {                                                                                          \
                s, m, EXT_SUBPROCESS, -1                                                           \
        }
#define SLP(s, m)                                                                                  \
        {                                                                                          \
                s, m, EXT_SLEEP, -1                                                                \
        }
#define HNT(s, m, h)                                                                               \
        {                                                                                          \
                s, m, -1, h                                                                        \
        }

static const struct pattern call_patterns[] = {
    /* network */
    NET("requests.", M_PREFIX),
    NET("urllib.", M_PREFIX),
    NET("urllib3.", M_PREFIX),
    NET("http.client.", M_PREFIX),
    NET("httpx.", M_PREFIX),
    NET("aiohttp.", M_PREFIX),
    NET("socket.", M_PREFIX),
    NET("axios", M_PREFIX),
    NET("http.Get", M_PREFIX),
    NET("http.Post", M_PREFIX),
    NET("http.NewRequest", M_PREFIX),
    NET("net.Dial", M_PREFIX),
    NET("reqwest.", M_PREFIX),
    NET("TcpStream.connect", M_SUFFIX),
    NET("urlopen", M_NAME),
    NET("socket", M_NAME),
    NET("connect", M_NAME),
    NET("fetch", M_NAME),
    NET("sendto", M_NAME),
    NET("recv", M_NAME),
    NET("recvfrom", M_NAME),
    NET("getaddrinfo", M_NAME),
    NET("gethostbyname", M_NAME),
    NET("curl_easy_perform", M_NAME),
    NET("create_connection", M_NAME),
    NET("XMLHttpRequest", M_NAME),
    NET("HttpClient", M_NAME),
    NET("openConnection", M_NAME),
    NET("Socket", M_NAME),
    NET("ServerSocket", M_NAME),
    NET("DatagramSocket", M_NAME),
    NET("HttpURLConnection", M_NAME),
    /* Java NIO: SocketChannel.open(addr) is a connection, not a file's open */
    NET("SocketChannel.", M_PREFIX),
    NET("ServerSocketChannel.", M_PREFIX),
    NET("AsynchronousSocketChannel.", M_PREFIX),
    NET("DatagramChannel.", M_PREFIX),
    NET("http.get", M_PREFIX),
    NET("https.get", M_PREFIX),
    NET("http.request", M_PREFIX),
    NET("https.request", M_PREFIX),
    /* asyncio's streams and low-level socket calls, node's net.createConnection */
    NET("open_connection", M_NAME),
    NET("sock_connect", M_NAME),
    NET("sock_recv", M_NAME),
    NET("createConnection", M_NAME),
    /* file I/O */
    FIO("open", M_NAME),
    FIO("fopen", M_NAME),
    FIO("fread", M_NAME),
    FIO("fwrite", M_NAME),
    FIO("fgets", M_NAME),
    FIO("fputs", M_NAME),
    FIO("readFile", M_NAME),
    FIO("readFileSync", M_NAME),
    FIO("writeFile", M_NAME),
    FIO("writeFileSync", M_NAME),
    FIO("createReadStream", M_NAME),
    FIO("createWriteStream", M_NAME),
    FIO("ReadFile", M_NAME),
    FIO("WriteFile", M_NAME),
    FIO("os.Open", M_PREFIX),
    FIO("os.Create", M_PREFIX),
    FIO("ioutil.", M_PREFIX),
    FIO("File.open", M_SUFFIX),
    FIO("File.create", M_SUFFIX),
    FIO("fs.read_to_string", M_SUFFIX),
    FIO("fs.write", M_SUFFIX),
    FIO("Files.", M_PREFIX),
    FIO("FileInputStream", M_NAME),
    FIO("FileOutputStream", M_NAME),
    FIO("FileReader", M_NAME),
    FIO("FileWriter", M_NAME),
    FIO("read_text", M_NAME),
    FIO("write_text", M_NAME),
    FIO("read_bytes", M_NAME),
    FIO("write_bytes", M_NAME),
    FIO("ifstream", M_NAME),
    FIO("ofstream", M_NAME),
    FIO("mmap", M_NAME),
    /* subprocesses */
    PROC("subprocess.", M_PREFIX),
    PROC("os.system", M_PREFIX),
    PROC("os.popen", M_PREFIX),
    PROC("os.exec", M_PREFIX),
    PROC("os.spawn", M_PREFIX),
    PROC("child_process.", M_PREFIX),
    PROC("exec.Command", M_PREFIX),
    PROC("Command.new", M_SUFFIX),
    PROC("Runtime.getRuntime", M_PREFIX),
    PROC("ProcessBuilder", M_NAME),
    PROC("system", M_NAME),
    PROC("popen", M_NAME),
    PROC("fork", M_NAME),
    PROC("vfork", M_NAME),
    PROC("execv", M_NAME),
    PROC("execvp", M_NAME),
    PROC("execve", M_NAME),
    PROC("execl", M_NAME),
    PROC("execlp", M_NAME),
    PROC("posix_spawn", M_NAME),
    PROC("posix_spawnp", M_NAME),
    PROC("spawn", M_NAME),
    PROC("spawnSync", M_NAME),
    PROC("execSync", M_NAME),
    PROC("execFile", M_NAME),
    PROC("Popen", M_NAME),
    PROC("check_output", M_NAME),
    PROC("check_call", M_NAME),
    /* sleeps */
    SLP("sleep", M_NAME),
    SLP("usleep", M_NAME),
    SLP("nanosleep", M_NAME),
    SLP("Sleep", M_NAME),
    SLP("setTimeout", M_NAME),
    SLP("setInterval", M_NAME),
    /* algorithm hints */
    HNT("sort", M_NAME, HINT_SORT),
    HNT("sorted", M_NAME, HINT_SORT),
    HNT("qsort", M_NAME, HINT_SORT),
    HNT("sort_by", M_NAME, HINT_SORT),
    HNT("sort_unstable", M_NAME, HINT_SORT),
    HNT("sort_by_key", M_NAME, HINT_SORT),
    HNT("stable_sort", M_NAME, HINT_SORT),
    HNT("partial_sort", M_NAME, HINT_SORT),
    HNT("sort.", M_PREFIX, HINT_SORT),
    HNT("heapify", M_NAME, HINT_SORT),
    HNT("heappush", M_NAME, HINT_SORT),
    HNT("heappop", M_NAME, HINT_SORT),
    HNT("nlargest", M_NAME, HINT_SORT),
    HNT("nsmallest", M_NAME, HINT_SORT),
    HNT("bsearch", M_NAME, HINT_SEARCH),
    HNT("binary_search", M_NAME, HINT_SEARCH),
    HNT("binarySearch", M_NAME, HINT_SEARCH),
    HNT("lower_bound", M_NAME, HINT_SEARCH),
    HNT("upper_bound", M_NAME, HINT_SEARCH),
    HNT("bisect", M_NAME, HINT_SEARCH),
    HNT("bisect_left", M_NAME, HINT_SEARCH),
    HNT("bisect_right", M_NAME, HINT_SEARCH),
    HNT("indexOf", M_NAME, HINT_SEARCH),
    HNT("SearchInts", M_NAME, HINT_SEARCH),
    HNT("re.", M_PREFIX, HINT_REGEX),
    HNT("regex.", M_PREFIX, HINT_REGEX),
    HNT("Regex.", M_PREFIX, HINT_REGEX),
    HNT("regexp.", M_PREFIX, HINT_REGEX),
    HNT("Pattern.", M_PREFIX, HINT_REGEX),
    HNT("regcomp", M_NAME, HINT_REGEX),
    HNT("regexec", M_NAME, HINT_REGEX),
    HNT("RegExp", M_NAME, HINT_REGEX),
    HNT("regex", M_NAME, HINT_REGEX),
    HNT("hashlib.", M_PREFIX, HINT_HASH),
    HNT("md5", M_NAME, HINT_HASH),
    HNT("sha1", M_NAME, HINT_HASH),
    HNT("sha256", M_NAME, HINT_HASH),
    HNT("sha512", M_NAME, HINT_HASH),
    HNT("crc32", M_NAME, HINT_HASH),
    HNT("blake2b", M_NAME, HINT_HASH),
    HNT("createHash", M_NAME, HINT_HASH),
    HNT("hexdigest", M_NAME, HINT_HASH),
    HNT("SHA256", M_NAME, HINT_HASH),
    HNT("MD5", M_NAME, HINT_HASH),
    HNT("np.", M_PREFIX, HINT_NUMERIC),
    HNT("numpy.", M_PREFIX, HINT_NUMERIC),
    HNT("scipy.", M_PREFIX, HINT_NUMERIC),
    HNT("torch.", M_PREFIX, HINT_NUMERIC),
    HNT("tf.", M_PREFIX, HINT_NUMERIC),
    HNT("pd.", M_PREFIX, HINT_NUMERIC),
    HNT("cblas_", M_PREFIX, HINT_NUMERIC),
    HNT("ndarray.", M_PREFIX, HINT_NUMERIC),
    HNT("matmul", M_NAME, HINT_NUMERIC),
    HNT("einsum", M_NAME, HINT_NUMERIC),
    HNT("dgemm", M_NAME, HINT_NUMERIC),
    HNT("sgemm", M_NAME, HINT_NUMERIC),
    HNT("dgemm_", M_NAME, HINT_NUMERIC),
    HNT("fft", M_NAME, HINT_NUMERIC),
    HNT("svd", M_NAME, HINT_NUMERIC),
    HNT("PIL.", M_PREFIX, HINT_IMAGE),
    HNT("Image.", M_PREFIX, HINT_IMAGE),
    HNT("cv2.", M_PREFIX, HINT_IMAGE),
    HNT("cv.", M_PREFIX, HINT_IMAGE),
    HNT("ImageIO.", M_PREFIX, HINT_IMAGE),
    HNT("skimage.", M_PREFIX, HINT_IMAGE),
    HNT("imread", M_NAME, HINT_IMAGE),
    HNT("imwrite", M_NAME, HINT_IMAGE),
    HNT("zlib.", M_PREFIX, HINT_COMPRESS),
    HNT("gzip.", M_PREFIX, HINT_COMPRESS),
    HNT("bz2.", M_PREFIX, HINT_COMPRESS),
    HNT("lzma.", M_PREFIX, HINT_COMPRESS),
    HNT("zipfile.", M_PREFIX, HINT_COMPRESS),
    HNT("tarfile.", M_PREFIX, HINT_COMPRESS),
    HNT("flate.", M_PREFIX, HINT_COMPRESS),
    HNT("compress", M_NAME, HINT_COMPRESS),
    HNT("decompress", M_NAME, HINT_COMPRESS),
    HNT("deflate", M_NAME, HINT_COMPRESS),
    HNT("inflate", M_NAME, HINT_COMPRESS),
    HNT("gzopen", M_NAME, HINT_COMPRESS),
    HNT("compress2", M_NAME, HINT_COMPRESS),
    HNT("uncompress", M_NAME, HINT_COMPRESS),
    HNT("ZSTD_compress", M_NAME, HINT_COMPRESS),
    HNT("json.", M_PREFIX, HINT_PARSE),
    HNT("JSON.", M_PREFIX, HINT_PARSE),
    HNT("xml.", M_PREFIX, HINT_PARSE),
    HNT("ET.", M_PREFIX, HINT_PARSE),
    HNT("ElementTree.", M_PREFIX, HINT_PARSE),
    HNT("lxml.", M_PREFIX, HINT_PARSE),
    HNT("yaml.", M_PREFIX, HINT_PARSE),
    HNT("serde_json.", M_PREFIX, HINT_PARSE),
    HNT("cJSON_Parse", M_NAME, HINT_PARSE),
    HNT("json_loads", M_NAME, HINT_PARSE),
    HNT("xmlParseFile", M_NAME, HINT_PARSE),
    HNT("xmlReadMemory", M_NAME, HINT_PARSE),
    HNT("Unmarshal", M_NAME, HINT_PARSE),
    HNT("parseFromString", M_NAME, HINT_PARSE),
};

/* Calls that make a container grow when repeated. */
static const char *const growth_names[] = {
    "append",  "push",   "push_back",  "emplace_back", "add",     "extend",
    "insert",  "put",    "appendleft", "push_str",     "unshift", "push_front",
    "emplace", "concat", "offer",      "addAll",       NULL,
};

/* Allocation and sizing calls: which argument holds the size. */
static const struct {
        const char *name;
        int arg;
        bool mul;
} alloc_calls[] = {
    {"range", 0, false},         {"xrange", 0, false},  {"malloc", 0, false},
    {"calloc", 0, true},         {"realloc", 1, false}, {"make", 1, false},
    {"with_capacity", 0, false}, {"reserve", 0, false}, {"bytearray", 0, false},
    {"zeros", 0, false},         {"ones", 0, false},    {"empty", 0, false},
    {"Array", 0, false},         {"alloc", 0, false},   {"allocUnsafe", 0, false},
    {"ArrayList", 0, false},     {"resize", 0, false},  {"HashMap", 0, false},
    {"aligned_alloc", 1, false}, {"alloca", 0, false},  {"bytes", 0, false},
};

/* The tables, indexed once (pthread_once): every name-matched entry (patterns, growth, alloc)
 * in an open-addressing hash of the last name, prefix patterns bucketed by their first byte,
 * suffix patterns in a short list. A call then costs one hash probe and a few compares. */
#define NAME_SLOTS 1024 /* power of two, > 2x the names */

struct name_slot {
        const char *name;
        int8_t ext, hint, size_arg;
        bool size_mul, growth;
};

static struct name_slot name_index[NAME_SLOTS];
static uint16_t prefix_idx[ARRAY_SIZE(call_patterns)];
static uint16_t prefix_start[257];
static uint16_t suffix_idx[ARRAY_SIZE(call_patterns)];
static size_t n_suffix;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static uint32_t hash(const char *s)
{
        uint32_t h = 2166136261u;
        for (; *s; s++)
                h = (h ^ (uint8_t)*s) * 16777619u;
        return h;
}

static struct name_slot *slot(const char *name, bool create)
{
        for (uint32_t i = hash(name) & (NAME_SLOTS - 1);; i = (i + 1) & (NAME_SLOTS - 1)) {
                struct name_slot *e = &name_index[i];
                if (!e->name) {
                        if (!create)
                                return NULL;
                        *e =
                            (struct name_slot){.name = name, .ext = -1, .hint = -1, .size_arg = -1};
                        return e;
                }
                if (strcmp(e->name, name) == 0)
                        return e;
        }
}

static void build_index(void)
{
        size_t n_prefix = 0;
        for (unsigned c = 0; c < 256; c++) {
                prefix_start[c] = (uint16_t)n_prefix;
                for (size_t i = 0; i < ARRAY_SIZE(call_patterns); i++)
                        if (call_patterns[i].m == M_PREFIX && (uint8_t)call_patterns[i].s[0] == c)
                                prefix_idx[n_prefix++] = (uint16_t)i;
        }
        prefix_start[256] = (uint16_t)n_prefix;
        for (size_t i = 0; i < ARRAY_SIZE(call_patterns); i++) {
                const struct pattern *p = &call_patterns[i];
                if (p->m == M_SUFFIX)
                        suffix_idx[n_suffix++] = (uint16_t)i;
                if (p->m != M_NAME)
                        continue;
                struct name_slot *e = slot(p->s, true);
                if (p->ext >= 0 && e->ext < 0)
                        e->ext = (int8_t)p->ext;
                if (p->hint >= 0 && e->hint < 0)
                        e->hint = (int8_t)p->hint;
        }
        for (const char *const *g = growth_names; *g; g++)
                slot(*g, true)->growth = true;
        for (size_t i = 0; i < ARRAY_SIZE(alloc_calls); i++) {
                struct name_slot *e = slot(alloc_calls[i].name, true);
                e->size_arg = (int8_t)alloc_calls[i].arg;
                e->size_mul = alloc_calls[i].mul;
        }
}

void classify_call(const char *full, const char *last, struct call_class *out)
{
        pthread_once(&index_once, build_index);
        *out = (struct call_class){.ext = -1, .hint = -1, .size_arg = -1};
        const struct name_slot *e = slot(last, false);
        if (e) {
                out->ext = e->ext;
                out->hint = e->hint;
                out->growth = e->growth;
                out->size_arg = e->size_arg;
                out->size_mul = e->size_mul;
        }
        /* a dotted pattern is more specific than the last name: SocketChannel.open is a
         * connection whatever open alone says */
        bool dotted = false;
        uint8_t c = (uint8_t)full[0];
        for (unsigned k = prefix_start[c]; k < prefix_start[c + 1]; k++) {
                const struct pattern *p = &call_patterns[prefix_idx[k]];
                if (strncmp(full, p->s, strlen(p->s)) != 0)
                        continue;
                if (p->ext >= 0 && !dotted) {
                        out->ext = p->ext;
                        dotted = true;
                }
                if (p->hint >= 0 && out->hint < 0)
                        out->hint = p->hint;
        }
        size_t fl = strlen(full);
        for (size_t k = 0; k < n_suffix; k++) {
                const struct pattern *p = &call_patterns[suffix_idx[k]];
                size_t pl = strlen(p->s);
                if (fl < pl || strcmp(full + fl - pl, p->s) != 0)
                        continue;
                if (p->ext >= 0 && !dotted) {
                        out->ext = p->ext;
                        dotted = true;
                }
                if (p->hint >= 0 && out->hint < 0)
                        out->hint = p->hint;
        }
}

static const struct {
        const char *lib;
        int hint;
        int ext;
} import_patterns[] = {
    {"numpy", HINT_NUMERIC, -1},
    {"scipy", HINT_NUMERIC, -1},
    {"torch", HINT_NUMERIC, -1},
    {"tensorflow", HINT_NUMERIC, -1},
    {"pandas", HINT_NUMERIC, -1},
    {"sklearn", HINT_NUMERIC, -1},
    {"cblas.h", HINT_NUMERIC, -1},
    {"lapacke.h", HINT_NUMERIC, -1},
    {"Eigen", HINT_NUMERIC, -1},
    {"ndarray", HINT_NUMERIC, -1},
    {"nalgebra", HINT_NUMERIC, -1},
    {"gonum.org", HINT_NUMERIC, -1},
    {"mathjs", HINT_NUMERIC, -1},
    {"PIL", HINT_IMAGE, -1},
    {"cv2", HINT_IMAGE, -1},
    {"skimage", HINT_IMAGE, -1},
    {"imageio", HINT_IMAGE, -1},
    {"image", HINT_IMAGE, -1},
    {"opencv2", HINT_IMAGE, -1},
    {"sharp", HINT_IMAGE, -1},
    {"java.awt.image", HINT_IMAGE, -1},
    {"javax.imageio", HINT_IMAGE, -1},
    {"re", HINT_REGEX, -1},
    {"regex", HINT_REGEX, -1},
    {"regex.h", HINT_REGEX, -1},
    {"regexp", HINT_REGEX, -1},
    {"java.util.regex", HINT_REGEX, -1},
    {"hashlib", HINT_HASH, -1},
    {"crypto", HINT_HASH, -1},
    {"openssl", HINT_HASH, -1},
    {"sha2", HINT_HASH, -1},
    {"java.security", HINT_HASH, -1},
    {"zlib", HINT_COMPRESS, -1},
    {"zlib.h", HINT_COMPRESS, -1},
    {"gzip", HINT_COMPRESS, -1},
    {"bz2", HINT_COMPRESS, -1},
    {"lzma", HINT_COMPRESS, -1},
    {"zipfile", HINT_COMPRESS, -1},
    {"tarfile", HINT_COMPRESS, -1},
    {"zstd.h", HINT_COMPRESS, -1},
    {"flate2", HINT_COMPRESS, -1},
    {"compress", HINT_COMPRESS, -1},
    {"java.util.zip", HINT_COMPRESS, -1},
    {"json", HINT_PARSE, -1},
    {"xml", HINT_PARSE, -1},
    {"yaml", HINT_PARSE, -1},
    {"lxml", HINT_PARSE, -1},
    {"serde_json", HINT_PARSE, -1},
    {"encoding", HINT_PARSE, -1},
    {"jansson.h", HINT_PARSE, -1},
    {"cjson", HINT_PARSE, -1},
    {"bisect", HINT_SEARCH, -1},
    {"heapq", HINT_SORT, -1},
    {"socket", -1, EXT_NETWORK},
    {"requests", -1, EXT_NETWORK},
    {"urllib", -1, EXT_NETWORK},
    {"urllib3", -1, EXT_NETWORK},
    {"http", -1, EXT_NETWORK},
    {"httpx", -1, EXT_NETWORK},
    {"aiohttp", -1, EXT_NETWORK},
    {"net", -1, EXT_NETWORK},
    {"axios", -1, EXT_NETWORK},
    {"reqwest", -1, EXT_NETWORK},
    {"sys/socket.h", -1, EXT_NETWORK},
    {"netdb.h", -1, EXT_NETWORK},
    {"curl", -1, EXT_NETWORK},
    {"java.net", -1, EXT_NETWORK},
    {"subprocess", -1, EXT_SUBPROCESS},
    {"child_process", -1, EXT_SUBPROCESS},
    {"os/exec", -1, EXT_SUBPROCESS},
};

void classify_import(const char *lib, int *hint, int *ext)
{
        *hint = -1;
        *ext = -1;
        /* the top-level component: "numpy.linalg" -> numpy, "std::collections" -> std,
         * but C headers and Java/Go paths are matched on their longest listed prefix */
        for (size_t i = 0; i < ARRAY_SIZE(import_patterns); i++) {
                size_t pl = strlen(import_patterns[i].lib);
                if (strncmp(lib, import_patterns[i].lib, pl) != 0)
                        continue;
                char next = lib[pl];
                if (next && next != '.' && next != '/' && next != ':' && next != ' ')
                        continue;
                *hint = import_patterns[i].hint;
                *ext = import_patterns[i].ext;
                return;
        }
}
