record P(int x) { P { if (x < 0) throw new IllegalArgumentException(); } }
