#define F(x) ((x) ? 1 : 0)
int main(void) { goto e; e: return F(1) && F(0); }
