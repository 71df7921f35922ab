package dev.mcd.expr;

import java.util.function.Supplier;

/**
 * The two things the engine needs from the JVM beyond TeaVM's class library (the browser build,
 * dev.mcd.web): a thread with a large stack for deeply nested trees, and Unicode character names
 * for error messages. On the JVM {@link JvmPlatform} provides them; in the browser the work runs on
 * the caller's stack and a character is shown by its code point only.
 */
interface Platform {
    <T> T runDeep(Supplier<T> work);

    /** e.g. "CYRILLIC SMALL LETTER HA", or null where unknown. */
    String characterName(int codePoint);

    Platform CURRENT = load();

    private static Platform load() {
        try {
            // a computed name, so that TeaVM neither follows nor rejects JvmPlatform's Thread and Character.getName
            String name = Platform.class.getName().replace("Platform", "JvmPlatform");
            return (Platform) Class.forName(name).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError browser) {
            return new Platform() {
                @Override
                public <T> T runDeep(Supplier<T> work) {
                    return work.get();
                }

                @Override
                public String characterName(int codePoint) {
                    return null;
                }
            };
        }
    }
}
