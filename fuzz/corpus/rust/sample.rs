use std::collections::HashMap;
use std::fs::File;

fn branches(a: i32, b: i32) -> i32 {
    if a > 0 && b > 0 {
        1
    } else if a > 0 || b > 0 {
        2
    } else {
        3
    }
}

fn loops(n: usize) -> usize {
    let mut s = 0;
    for i in 0..10 {
        for j in 0..n {
            s += i * j;
        }
    }
    let mut v = Vec::with_capacity(100);
    while s > 100 {
        v.push(s);
        s /= 2;
    }
    s
}

fn fact(n: u64) -> u64 {
    if n <= 1 { 1 } else { n * fact(n - 1) }
}

fn classify(x: Option<i32>) -> &'static str {
    match x {
        Some(0) => "zero",
        Some(_) => "some",
        None => "none",
    }
}

fn io() -> std::io::Result<()> {
    let f = File::open("x")?;
    let m: HashMap<i32, i32> = HashMap::new();
    let c = |a: i32| a + 1;
    std::thread::sleep(std::time::Duration::from_millis(c(1) as u64));
    drop(f);
    drop(m);
    Ok(())
}
