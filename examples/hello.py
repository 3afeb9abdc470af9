# Almost nothing: the interpreter's own start-up is most of what it needs.
print(sum(range(1000)))
