# Streaming DP over stdin integers read in fixed 64 KiB blocks: Kadane's maximum subarray
# sum, the longest strictly increasing run and a max-product-of-signs DP. Memory stays flat:
# only the current block and a partial-line carry are held.
import sys

BLOCK = 65536
read = sys.stdin.buffer.read

best = None
cur = 0
run_len = longest_run = 0
prev = None
count = 0
pos_len = neg_len = best_pos_len = 0
carry = b""

while True:
    block = read(BLOCK)
    if not block:
        tokens = [carry] if carry else []
        carry = b""
    else:
        tokens = (carry + block).split(b"\n")
        carry = tokens.pop()
    for tok in tokens:
        if not tok:
            continue
        v = int(tok)
        count += 1
        cur = v if cur <= 0 else cur + v
        if best is None or cur > best:
            best = cur
        if prev is not None and v > prev:
            run_len += 1
        else:
            run_len = 1
        if run_len > longest_run:
            longest_run = run_len
        prev = v
        # longest subarray with positive product (zero resets)
        if v > 0:
            pos_len, neg_len = pos_len + 1, neg_len + 1 if neg_len else 0
        elif v < 0:
            pos_len, neg_len = neg_len + 1 if neg_len else 0, pos_len + 1
        else:
            pos_len = neg_len = 0
        if pos_len > best_pos_len:
            best_pos_len = pos_len
    if not block:
        break

print("numbers", count, "max_subarray", best, "longest_increasing_run", longest_run, "longest_positive_product", best_pos_len)
