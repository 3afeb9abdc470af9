N = __SIZE__


def solve(row, cols, diag1, diag2):
    if row == N:
        return 1
    count = 0
    for c in range(N):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        cols.add(c)
        diag1.add(row + c)
        diag2.add(row - c)
        count += solve(row + 1, cols, diag1, diag2)
        cols.remove(c)
        diag1.remove(row + c)
        diag2.remove(row - c)
    return count


print("queens", N, "solutions", solve(0, set(), set(), set()))
