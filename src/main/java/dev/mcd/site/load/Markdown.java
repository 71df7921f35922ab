package dev.mcd.site.load;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;

/** The one flexmark configuration of the site: CommonMark plus GitHub-style tables. */
public final class Markdown {
    public static final DataHolder OPTIONS = new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(TablesExtension.create()))
            .toImmutable();
    static final Parser PARSER = Parser.builder(OPTIONS).build();

    private Markdown() {}
}
