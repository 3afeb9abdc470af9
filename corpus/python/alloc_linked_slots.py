N = __SIZE__


class Cell:
    __slots__ = ("value", "next")

    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


head = None
for i in range(N):
    head = Cell(i * 3 % 1009, head)
# churn: rebuild a filtered copy twice, dropping the old list each time
for rnd in range(2):
    new_head = None
    cur = head
    while cur is not None:
        if cur.value % (rnd + 2):
            new_head = Cell(cur.value + 1, new_head)
        cur = cur.next
    head = new_head
length = 0
s = 0
cur = head
while cur:
    length += 1
    s += cur.value
    cur = cur.next
print("cells", length, "sum", s)
