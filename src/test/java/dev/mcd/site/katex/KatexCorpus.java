package dev.mcd.site.katex;

import java.util.List;

/**
 * Formulas in the tutorial's notation (eqs. 1–27 of the catalogue and typical derivation steps), e.g.
 * {@code \mathrm{d}(XY) = \mathrm{d}X\,Y + X\,\mathrm{d}Y}; shared by the Node comparison and the benchmark.
 */
public final class KatexCorpus {
    private KatexCorpus() {
    }

    public static final List<NodeKatex.Formula> FORMULAS = List.of(
            f("x^2", false),
            f("\\mathbf{x}^\\top A \\mathbf{x}", false),
            f("\\mathrm{d}(XY) = \\mathrm{d}X\\,Y + X\\,\\mathrm{d}Y", true),
            f("\\mathrm{d}(X^{-1}) = -X^{-1}\\,\\mathrm{d}X\\,X^{-1}", true),
            f("\\mathrm{d}\\operatorname{tr}(X) = \\operatorname{tr}(\\mathrm{d}X)", true),
            f("\\mathrm{d}\\det(X) = \\det(X)\\operatorname{tr}(X^{-1}\\mathrm{d}X)", true),
            f("\\mathrm{d}(X \\otimes Y) = \\mathrm{d}X \\otimes Y + X \\otimes \\mathrm{d}Y", true),
            f("\\mathrm{d}(X \\circ Y) = \\mathrm{d}X \\circ Y + X \\circ \\mathrm{d}Y", true),
            f("\\mathrm{d}(X^\\top) = (\\mathrm{d}X)^\\top", true),
            f("\\mathrm{d}f = \\operatorname{tr}\\!\\left(\\frac{\\partial f}{\\partial X}\\,\\mathrm{d}X\\right)", true),
            f("\\frac{\\partial l}{\\partial \\mathbf{y}}", false),
            f("\\mathrm{d}\\mathbf{y} = J\\,\\mathrm{d}\\mathbf{x}", false),
            f("\\mathrm{d}\\sigma(X) = \\sigma'(X) \\circ \\mathrm{d}X", true),
            f("\\lVert W\\mathbf{x} + \\mathbf{b} \\rVert_2^2", false),
            f("\\frac{\\partial}{\\partial W}\\lVert W\\mathbf{x}+\\mathbf{b}\\rVert^2 = 2(W\\mathbf{x}+\\mathbf{b})\\mathbf{x}^\\top", true),
            f("\\begin{aligned} \\mathrm{d}f &= \\mathrm{d}(\\mathbf{x}^\\top A\\mathbf{x}) \\\\ &= \\mathrm{d}\\mathbf{x}^\\top A\\mathbf{x} + \\mathbf{x}^\\top A\\,\\mathrm{d}\\mathbf{x} \\\\ &= \\mathbf{x}^\\top(A + A^\\top)\\,\\mathrm{d}\\mathbf{x} \\end{aligned}", true),
            f("\\operatorname{vec}(AXB) = (B^\\top \\otimes A)\\operatorname{vec}(X)", true),
            f("\\operatorname{tr}(ABC) = \\operatorname{tr}(BCA) = \\operatorname{tr}(CAB)", true),
            f("\\mathbf{1}^\\top (A \\circ B)\\mathbf{1} = \\operatorname{tr}(A^\\top B)", true),
            f("\\log\\det(\\Sigma)", false),
            f("\\tanh'(\\mathbf{z}) = 1 - \\tanh^2(\\mathbf{z})", false),
            f("\\mathrm{d}\\exp(X) = \\exp(X) \\circ \\mathrm{d}X", false),
            f("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}^{-1} = \\frac{1}{ad - bc}\\begin{pmatrix} d & -b \\\\ -c & a \\end{pmatrix}", true),
            f("\\sum_{i=1}^{n} x_i^2 = \\mathbf{x}^\\top\\mathbf{x}", true),
            f("\\Lambda = \\operatorname{diag}(\\lambda_1, \\ldots, \\lambda_n)", false),
            f("W_1, \\Sigma_2, \\mathbf{x}_{\\text{in}}", false),
            f("\\frac{\\partial z}{\\partial \\mathbf{x}} = \\frac{\\partial z}{\\partial \\mathbf{y}}\\frac{\\partial \\mathbf{y}}{\\partial \\mathbf{x}}", true),
            f("\\mathrm{d}(\\alpha X) = \\alpha\\,\\mathrm{d}X", false),
            f("\\sqrt{\\mathbf{x}} \\oslash \\mathbf{y}", false),
            f("\\mathbb{R}^{m \\times n} \\ni X \\mapsto f(X) \\in \\mathbb{R}", false),
            f("\\text{Ünïcödé: } \\alpha \\to \\omega", false),
            f("a + \\undefinedmacro b", false),
            f("\\frac{1}{", true),
            f("x % trailing comment", false));

    private static NodeKatex.Formula f(String tex, boolean display) {
        return new NodeKatex.Formula(tex, display);
    }
}
