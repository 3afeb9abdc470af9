N = __SIZE__
keep = []
checksum = 0
for i in range(N):
    buf = bytearray(4096)
    buf[i % 4096] = i & 0xFF
    checksum += buf[i % 4096]
    if i % 2 == 0:
        keep.append(bytes(buf))
    if len(keep) > N // 4:
        keep = keep[len(keep) // 2:]
print("kept", len(keep), "kb", len(keep) * 4, "checksum", checksum)
