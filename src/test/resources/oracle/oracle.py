"""The differential test's oracle (DifferentialTest): one long-lived process for all cases.

Each stdin line is a JSON request: the generator's own NumPy expression for the function
("f", written against V['name']), the module mcd exported for its derivative ("module",
defining derivative(**v)), every variable's concrete shape ("vars"), the variable ("wrt"),
the function's shape ("out"), the read-off form and a seed. At random points the directional
derivative of f along a random direction is computed by complex step (exact to rounding: the
generator writes only analytic NumPy, no conjugation) and compared with mcd's G read off as
tr(G dX) for a scalar by a matrix, G dx otherwise. A disagreement is re-checked with
Richardson-extrapolated central differences before it counts as wrong.

Each reply is one line: id, a tab, a status (right, wrong, skip), a tab, a detail.
"""
import json
import sys

import numpy as np

np.seterr(all="ignore")
H = 1e-20
RTOL = 1e-6
POINTS = 2
ATTEMPTS = 8


def _s(x):
    return np.asarray(x).reshape(())


def _sig(x):
    return 1.0 / (1.0 + np.exp(-x))


def _abs(x):
    return x * np.sign(np.real(x))


def _adj(a):
    """The adjugate by cofactors: defined for singular matrices too, analytic for complex step."""
    n = a.shape[0]
    out = np.empty((n, n), dtype=a.dtype if np.iscomplexobj(a) else float)
    for i in range(n):
        for j in range(n):
            minor = np.delete(np.delete(a, j, axis=0), i, axis=1)
            out[i, j] = (-1) ** (i + j) * (np.linalg.det(minor) if minor.size else 1.0)
    return out


ORACLE_GLOBALS = {"np": np, "_s": _s, "_sig": _sig, "_abs": _abs, "_adj": _adj}


def draw(rng, shape):
    if shape == (1, 1):
        return np.asarray(0.8 * rng.standard_normal())
    return 0.8 * rng.standard_normal(shape)


def norm(a):
    return float(np.sqrt(np.sum(np.abs(np.asarray(a, dtype=complex)) ** 2)))


def fmt(a):
    a = np.real_if_close(np.asarray(a))
    if a.ndim == 0 or a.size == 1:
        return "%.6g" % float(np.real(a.reshape(-1)[0]))
    return np.array2string(np.real(a), precision=4, separator=", ", max_line_width=10**6).replace("\n", "")


def layout_shape(form, wshape, out):
    r, c = wshape
    if form == "VEC":
        return (out[0] * out[1], r * c)
    return {
        "SCALAR_BY_SCALAR": (1, 1),
        "SCALAR_BY_VECTOR": (1, r),
        "SCALAR_BY_MATRIX": (c, r),
        "VECTOR_BY_SCALAR": tuple(out),
        "VECTOR_BY_VECTOR": (out[0], r),
        "MATRIX_BY_SCALAR": tuple(out),
    }[form]


def read_off(form, g, dx):
    if form == "VEC":
        # d vec F = J d vec X, vec stacking columns
        return g @ np.asarray(dx).reshape(-1, order="F")
    if form == "SCALAR_BY_MATRIX":
        return np.trace(g @ dx)
    if form in ("SCALAR_BY_VECTOR", "VECTOR_BY_VECTOR"):
        return g @ dx
    return g * float(dx)


def check(req):
    f = eval("lambda V: " + req["f"], dict(ORACLE_GLOBALS))
    ns = {}
    try:
        exec(req["module"], ns)
    except Exception as e:  # noqa: BLE001 - any failure of the exported module is mcd's
        return "wrong", "export: the NumPy module does not load: %s: %s" % (type(e).__name__, e)
    derivative = ns["derivative"]
    shapes = {k: tuple(v) for k, v in req["vars"].items()}
    wrt = req["wrt"]
    form = req.get("mcd_form") or req["form"]
    out = tuple(req["out"])
    want = layout_shape(form, shapes[wrt], out)
    rng = np.random.default_rng(req["seed"])
    good = 0
    worst = 0.0
    nonfinite_g = None
    for attempt in range(ATTEMPTS * POINTS):
        if good == POINTS:
            break
        values = {k: draw(rng, s) for k, s in shapes.items()}
        direction = draw(rng, shapes[wrt])
        cvals = {k: np.asarray(v, dtype=complex) for k, v in values.items()}
        cvals[wrt] = values[wrt] + 1j * H * direction
        try:
            fc = np.asarray(f(cvals))
        except (np.linalg.LinAlgError, ZeroDivisionError, FloatingPointError):
            continue
        fv = np.real(fc)
        expected = np.imag(fc) / H
        if not (np.all(np.isfinite(fv)) and np.all(np.isfinite(expected))) or norm(fv) > 1e8 or norm(expected) > 1e10:
            continue
        if fv.reshape(-1).shape[0] != out[0] * out[1]:
            return "skip", "oracle: the function has %s entries, expected %s" % (fv.shape, out)
        args = {k: (float(v) if shapes[k] == (1, 1) else v) for k, v in values.items()}
        try:
            g = np.asarray(derivative(**args), dtype=float)
        except (np.linalg.LinAlgError, ZeroDivisionError, FloatingPointError) as e:
            nonfinite_g = "%s: %s" % (type(e).__name__, e)
            continue
        except Exception as e:  # noqa: BLE001
            return "wrong", "export: derivative(**v) raises %s: %s" % (type(e).__name__, str(e).replace("\n", " "))
        if want == (1, 1) and g.shape in ((), (1, 1), (1,)):
            g = g.reshape(1, 1)
        if g.shape != want:
            return "wrong", "shape: mcd's derivative is %s, numerator layout needs %s" % (g.shape, want)
        if not np.all(np.isfinite(g)):
            nonfinite_g = "not finite: " + fmt(g)
            continue
        got = np.asarray(read_off(form, g, direction)).reshape(-1)
        exp = expected.reshape(-1, order="F") if form == "VEC" else expected.reshape(-1)
        err = norm(got - exp)
        scale = max(norm(exp), norm(got))
        floor = 1e-9 * (1.0 + norm(fv) + norm(g) * norm(direction))
        if err <= RTOL * scale + floor:
            worst = max(worst, err / max(scale, 1e-300))
            good += 1
            continue
        # Disagreement: confirm with central differences (Richardson) before calling it wrong.
        fd = richardson(f, values, wrt, direction)
        if fd is not None:
            fd = fd.reshape(-1, order="F") if form == "VEC" else fd.reshape(-1)
            near = lambda u, w: norm(u - w) <= 1e-5 * max(norm(u), norm(w)) + 1e-7 * (1.0 + norm(fv))
            if near(got, fd):
                # mcd agrees with central differences but not with the complex step: too close to call
                return "skip", "oracle: mcd %s is within 1e-5 of central differences %s but not within %g of complex step %s" % (
                    fmt(got), fmt(fd), RTOL, fmt(exp))
        detail = "along a random d%s: expected %s, mcd gives %s (finite differences %s, relative error %.2g)" % (
            wrt, fmt(exp), fmt(got), "n/a" if fd is None else fmt(fd), err / max(scale, 1e-300))
        if req.get("full"):
            try:
                full = full_derivative(f, values, wrt, form, want, shapes[wrt])
                detail += "; at that point the derivative is %s, mcd's G is %s" % (fmt(full), fmt(g))
            except Exception as e:  # noqa: BLE001
                detail += "; (full derivative failed: %s)" % e
        return "wrong", detail
    if good == POINTS:
        return "right", "%.2g" % worst
    if nonfinite_g is not None and good == 0:
        return "wrong", "mcd's derivative is not finite where the function is: " + nonfinite_g
    return "skip", "oracle: found %d of %d points where the function is finite and moderate" % (good, POINTS)


def richardson(f, values, wrt, direction):
    x = values[wrt]
    h = 1e-3 * (1.0 + float(np.max(np.abs(x)))) / max(float(np.max(np.abs(direction))), 1e-12)

    def at(t):
        v = dict(values)
        v[wrt] = x + t * direction
        return np.real(np.asarray(f(v), dtype=complex))

    try:
        d1 = (at(h) - at(-h)) / (2 * h)
        d2 = (at(h / 2) - at(-h / 2)) / h
        r = (4 * d2 - d1) / 3
        return r if np.all(np.isfinite(r)) else None
    except Exception:  # noqa: BLE001
        return None


def full_derivative(f, values, wrt, form, want, wshape):
    """Every entry of the derivative in numerator layout, by complex step along each basis direction."""
    g = np.zeros(want)
    cvals = {k: np.asarray(v, dtype=complex) for k, v in values.items()}
    rows, cols = wshape
    for i in range(rows):
        for j in range(cols):
            e = np.zeros(wshape) if wshape != (1, 1) else np.asarray(0.0)
            if wshape == (1, 1):
                e = np.asarray(1.0)
            else:
                e[i, j] = 1.0
            v = dict(cvals)
            v[wrt] = values[wrt] + 1j * H * e
            d = np.imag(np.asarray(f(v))) / H
            if form == "VEC":
                g[:, j * rows + i] = np.asarray(d).reshape(-1, order="F")
            elif form == "SCALAR_BY_MATRIX":
                g[j, i] = float(d)
            elif form == "SCALAR_BY_VECTOR":
                g[0, i] = float(d)
            elif form == "VECTOR_BY_VECTOR":
                g[:, i] = d.reshape(-1)
            elif form == "SCALAR_BY_SCALAR":
                g[0, 0] = float(d)
            else:
                g[:, :] = d.reshape(want)
    return g


def main():
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        try:
            status, detail = check(req)
        except Exception as e:  # noqa: BLE001 - an oracle bug must not stop the run
            status, detail = "skip", "oracle error: %s: %s" % (type(e).__name__, e)
        detail = detail.replace("\t", " ").replace("\n", " ")
        sys.stdout.write("%d\t%s\t%s\n" % (req["id"], status, detail))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
