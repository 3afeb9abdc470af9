# Suffix array by prefix doubling (rank pairs sorted with a key function), Kasai's LCP
# array, and the number of distinct substrings n(n+1)/2 - sum(LCP). Several O(n) int lists.
ALPHABET = "acgt"


def make_text(length, seed):
    state = seed
    out = []
    for _ in range(length):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        # a skewed distribution makes long repeats (and more doubling rounds) likely
        out.append(ALPHABET[(state >> 16) % 7 % 4])
    return "".join(out)


def suffix_array(s):
    n = len(s)
    rank = [ord(ch) for ch in s]
    sa = list(range(n))
    k = 1
    rounds = 0
    while True:
        key = [(rank[i], rank[i + k] if i + k < n else -1) for i in range(n)]
        sa.sort(key=key.__getitem__)
        new_rank = [0] * n
        for idx in range(1, n):
            prev, cur = sa[idx - 1], sa[idx]
            new_rank[cur] = new_rank[prev] + (key[cur] != key[prev])
        rank = new_rank
        rounds += 1
        if rank[sa[-1]] == n - 1 or k >= n:
            return sa, rank, rounds
        k <<= 1


def kasai(s, sa, rank):
    n = len(s)
    lcp = [0] * n
    h = 0
    for i in range(n):
        r = rank[i]
        if r > 0:
            j = sa[r - 1]
            while i + h < n and j + h < n and s[i + h] == s[j + h]:
                h += 1
            lcp[r] = h
            if h:
                h -= 1
        else:
            h = 0
    return lcp


def main():
    text_len = __SIZE__
    s = make_text(text_len, 7)
    sa, rank, rounds = suffix_array(s)
    lcp = kasai(s, sa, rank)
    distinct = text_len * (text_len + 1) // 2 - sum(lcp)
    print("length", text_len, "rounds", rounds, "max_lcp", max(lcp), "distinct_substrings", distinct)


main()
