package dev.ccbridge.app;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * Keeps GTK from loading OpenGL on Linux. GTK 3 probes GLX when it opens the display, which loads
 * Mesa (with LLVM under software rendering): about 50 MB of memory the app never uses, since
 * JavaFX draws in software here ({@code -Dprism.order=sw}). {@code GDK_GL=disable} turns the
 * probe off; it must be in the process environment before GTK starts, so it is set through the C
 * library, first thing in {@code main}, unless the user set it already.
 */
final class GtkWithoutGl {
    private GtkWithoutGl() {}

    static void apply() {
        if (!System.getProperty("os.name", "").startsWith("Linux") || System.getenv("GDK_GL") != null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS,
                            ValueLayout.JAVA_INT));
            int result = (int) setenv.invokeExact(arena.allocateFrom("GDK_GL"), arena.allocateFrom("disable"), 0);
            if (result != 0) {
                System.err.println("ccbridge: could not set GDK_GL (" + result + "); GTK may load OpenGL");
            }
        } catch (Throwable e) {
            // Only memory is at stake: GTK then loads OpenGL as it would anyway.
            System.err.println("ccbridge: could not set GDK_GL: " + e);
        }
    }
}
