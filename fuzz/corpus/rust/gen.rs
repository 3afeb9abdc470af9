fn f<T: Clone>(x: &[T]) -> Vec<T> { x.iter().map(|v| v.clone()).collect::<Vec<_>>() }
