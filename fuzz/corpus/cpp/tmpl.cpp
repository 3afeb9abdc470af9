template <class T> auto f(T &&t) -> decltype(t) { return [&]{ return t; }(); }
