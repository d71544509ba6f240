"""An independent reference of Curve StableSwap's get_D and get_y (defi-math.md §6.1 and §6.2), transcribed from the
spec's pseudo-code into Python integers (unbounded, floor division: uint256 for these ranges). It is not the C# code
under test: tests take expected values from it where the spec has no vector (three-coin pools).

    python3 scripts/reference/stableswap.py    prints the values StableSwapBoundaryTests pins
"""
def get_D(xp, amp, tol=1):
    n=len(xp); S=sum(xp)
    if S==0: return 0
    D=S; Ann=amp*n
    for _ in range(255):
        D_P=D
        for x in xp: D_P=D_P*D//(x*n)
        Dprev=D
        D=(Ann*S//100 + D_P*n)*D//((Ann-100)*D//100 + (n+1)*D_P)
        if abs(D-Dprev)<=1: return D
    raise Exception("NO_CONVERGENCE")
def get_y(i,j,x,xp,amp,strict=False):
    # strict: stop only at |y - y_prev| < 1 instead of <= 1 (to search for a case where the two differ: none found)
    n=len(xp); D=get_D(xp,amp); Ann=amp*n; c=D; S=0
    for k in range(n):
        if k==j: continue
        xk = x if k==i else xp[k]
        S+=xk; c=c*D//(xk*n)
    c=c*D*100//(Ann*n)
    b=S+D*100//Ann
    y=D
    for _ in range(255):
        yp=y
        y=(y*y+c)//(2*y+b-D)
        if (abs(y-yp)<1 if strict else abs(y-yp)<=1): return y
    raise Exception("NO_CONVERGENCE")


if __name__ == "__main__":
    e18 = 10**18
    xp = [1000 * e18, 1200 * e18, 900 * e18]
    print("get_y(0, 1, 1100e18, xp, 10000) =", get_y(0, 1, 1100 * e18, xp, 10000))
    print("get_y(2, 0, 950e18, xp, 20000) =", get_y(2, 0, 950 * e18, xp, 20000))
