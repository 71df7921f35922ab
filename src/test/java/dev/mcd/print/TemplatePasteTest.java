package dev.mcd.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where an element-wise function's NumPy template may take its argument without parentheses: only
 * as a whole argument of a call. Before, any # followed by ')' was pasted bare, so a template such
 * as (1 - #) would have turned the argument a - b into 1 - a - b.
 */
class TemplatePasteTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "np.log(#); true",
        "np.logaddexp(0, #); true",
        "f(#, 2); true",
        "_sigmoid_prime(#); true",
        "1 / (1 + #); false",
        "(1 - #); false",
        "(# - 1); false",
        "1 / #; false",
        "1 - np.tanh(#) ** 2; true",
        "# ** 2; false",
    })
    void aWholeArgumentOnly(String template, boolean bare) {
        assertEquals(bare, NumpyPrinter.standsAlone(template, template.indexOf('#')));
    }
}
