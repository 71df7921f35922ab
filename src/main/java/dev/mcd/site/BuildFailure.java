package dev.mcd.site;

import java.util.List;
import java.util.stream.Collectors;

/** A run that found problems; {@link #render()} prints all of them, sorted, one block each. */
public final class BuildFailure extends Exception {
    private final List<Problem> problems;

    public BuildFailure(List<Problem> problems) {
        super(problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    public String render() {
        return problems.stream().map(Problem::render).collect(Collectors.joining("\n"));
    }
}
