def f(a, *, b=lambda x: (x if x else 0), **kw):
    """doc"""
    return f"{a or b!r:>{kw}}"
