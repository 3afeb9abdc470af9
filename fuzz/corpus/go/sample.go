package main

import (
	"fmt"
	"net/http"
	"sort"
	"time"
)

func branches(a, b int) int {
	if a > 0 && b > 0 {
		return 1
	} else if a > 0 || b > 0 {
		return 2
	}
	return 3
}

func loops(n int) int {
	s := 0
	for i := 0; i < 10; i++ {
		for j := 0; j < n; j++ {
			s += i * j
		}
	}
	buf := make([]int, 0, 10)
	for _, v := range buf {
		buf = append(buf, v)
	}
	return s
}

func fact(n int) int {
	if n <= 1 {
		return 1
	}
	return n * fact(n-1)
}

func sw(x int) string {
	switch x {
	case 1:
		return "one"
	case 2:
		return "two"
	default:
		return "many"
	}
}

func io() {
	resp, _ := http.Get("http://example.com")
	fmt.Println(resp)
	time.Sleep(time.Second)
	xs := []int{3, 1, 2}
	sort.Ints(xs)
	f := func(v int) int { return v * 2 }
	_ = f
}
