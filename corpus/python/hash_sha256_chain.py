import hashlib

ROUNDS = __SIZE__
digest = b"presize"
for i in range(ROUNDS):
    h = hashlib.sha256(digest)
    h.update(i.to_bytes(4, "little"))
    digest = h.digest()
md5 = hashlib.md5(digest * 64).hexdigest()
print("rounds", ROUNDS, "sha256", digest.hex()[:16], "md5", md5[:8])
