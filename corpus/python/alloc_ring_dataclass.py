"""Event churn: a generator yields many small slotted dataclass objects (each with its own
tuple and list payload); only the last WINDOW events survive in a deque(maxlen=...), so the
objects are freed as fast as they are made and memory is flat in the event count."""
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Settings:
    events: int = __SIZE__
    window: int = 512
    seed: int = 7


@dataclass(slots=True)
class Event:
    seq: int
    kind: str
    where: tuple
    samples: list = field(default_factory=list)


KINDS = ("click", "view", "scroll", "purchase", "error")


def events(cfg):
    state = cfg.seed
    for seq in range(cfg.events):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        n = 1 + (state >> 28)
        yield Event(seq, KINDS[state % 5], ((state >> 8) & 1023, (state >> 18) & 1023),
                    [(state >> s) & 255 for s in range(0, 4 * n, 4)])


def main(cfg):
    ring = deque(maxlen=cfg.window)
    totals = dict.fromkeys(KINDS, 0)
    window_sum = 0
    for ev in events(cfg):
        if len(ring) == ring.maxlen:
            window_sum -= sum(ring[0].samples)
        ring.append(ev)
        window_sum += sum(ev.samples)
        totals[ev.kind] += 1
    last = ring[-1] if ring else None
    print("events", cfg.events, "window_sum", window_sum, "kinds", ",".join("%s=%d" % kv for kv in totals.items()),
          "last", last.seq if last else -1)


main(Settings())
