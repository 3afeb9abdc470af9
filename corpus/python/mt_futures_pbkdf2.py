# Password stretching with hashlib.pbkdf2_hmac in a concurrent.futures.ThreadPoolExecutor of
# three threads (OpenSSL releases the GIL). Work is submitted in bounded waves and collected
# with as_completed, so only one wave of futures exists at a time: memory is flat.
import hashlib
from concurrent.futures import ThreadPoolExecutor, as_completed

JOB = {"passwords": __SIZE__, "iterations": 2000, "wave": 48, "threads": 3}


def stretch(idx, iterations):
    pw = b"correct-horse-%06d" % idx
    salt = hashlib.sha256(b"salt%d" % (idx % 97)).digest()[:16]
    return idx, hashlib.pbkdf2_hmac("sha256", pw, salt, iterations)


def main(job):
    acc = 0
    zero_lead = 0
    done = 0
    with ThreadPoolExecutor(max_workers=job["threads"]) as pool:
        for start in range(0, job["passwords"], job["wave"]):
            stop = min(job["passwords"], start + job["wave"])
            futures = [pool.submit(stretch, i, job["iterations"]) for i in range(start, stop)]
            for fut in as_completed(futures):
                idx, key = fut.result()
                acc ^= int.from_bytes(key[:8], "big") ^ idx
                zero_lead += key[0] == 0
                done += 1
    print("derived", done, "iterations", job["iterations"], "xor %016x" % acc, "zero_lead", zero_lead)


main(JOB)
