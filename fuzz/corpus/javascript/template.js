const x = `a${f(() => y ?? z)}b`; label: for (;;) { break label; }
