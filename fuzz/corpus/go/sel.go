package p
func f(c chan int) { select { case v := <-c: _ = v; default: } }
