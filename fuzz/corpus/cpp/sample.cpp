#include <vector>
#include <algorithm>
#include <thread>

namespace ns {
int branches(int a, int b)
{
        if (a && b)
                return 1;
        return a || b ? 2 : 3;
}

struct S {
        int method(const std::vector<int> &v)
        {
                int s = 0;
                for (int x : v)
                        for (int i = 0; i < 4; i++)
                                s += x * i;
                return s;
        }
};

long fact(long n) { return n <= 1 ? 1 : n * fact(n - 1); }

void work(std::vector<int> &v)
{
        int *buf = new int[256];
        auto cmp = [](int a, int b) { return a < b; };
        std::sort(v.begin(), v.end(), cmp);
        try {
                v.push_back(1);
        } catch (const std::exception &e) {
                std::this_thread::sleep_for(std::chrono::seconds(1));
        }
        delete[] buf;
}
} // namespace ns
