# A slab allocator simulated in one big bytearray of 256-byte slots: an array('i') stack is
# the free list, struct.pack_into/unpack_from write and check records through a memoryview.
# The whole slab is allocated once up front, so memory grows linearly with the slot count.
import struct
from array import array

SLOT = 256
RECORD = struct.Struct("<IIQd")  # owner, generation, payload hash, weight


class Slab:
    def __init__(self, slots):
        self.mem = bytearray(slots * SLOT)
        self.view = memoryview(self.mem)
        self.free = array("i", range(slots - 1, -1, -1))
        self.live = 0
        self.peak = 0

    def alloc(self):
        if not self.free:
            return -1
        self.live += 1
        if self.live > self.peak:
            self.peak = self.live
        return self.free.pop()

    def release(self, slot):
        self.view[slot * SLOT:(slot + 1) * SLOT] = bytes(SLOT)
        self.free.append(slot)
        self.live -= 1


def simulate(slots):
    slab = Slab(slots)
    held = []
    state = 88172645463325252
    checked = failures = 0
    for step in range(slots * 3):
        state ^= (state << 13) & 0xFFFFFFFFFFFFFFFF
        state ^= state >> 7
        state ^= (state << 17) & 0xFFFFFFFFFFFFFFFF
        if held and (state & 7) < 3:
            pos = (state >> 8) % len(held)
            slot, owner = held[pos]
            held[pos] = held[-1]
            held.pop()
            got_owner, gen, h, w = RECORD.unpack_from(slab.view, slot * SLOT)
            checked += 1
            failures += got_owner != owner or h != (owner * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
            slab.release(slot)
        else:
            slot = slab.alloc()
            if slot < 0:
                continue
            owner = step & 0xFFFFFFFF
            RECORD.pack_into(slab.view, slot * SLOT, owner, step >> 32, (owner * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF, step / 7.0)
            held.append((slot, owner))
    return slab, checked, failures


slab, checked, failures = simulate(__SIZE__)
print("slots", len(slab.mem) // SLOT, "peak_live", slab.peak, "live", slab.live, "checked", checked, "failures", failures)
