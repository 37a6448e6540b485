package dev.dendrite.io;

import dev.dendrite.nn.Linear;
import dev.dendrite.nn.Sequential;
import java.nio.file.Path;

/** Run in a child JVM by {@link AtomicSaveTest}: saves a big model to {@code args[0]} over and over until killed. */
public final class SaveLoop {

    private SaveLoop() {
    }

    /** Saves a {@code args[1]} x {@code args[1]} Linear whose weights are all 3 to {@code args[0]}, forever. */
    public static void main(String[] args) {
        Path target = Path.of(args[0]);
        int size = Integer.parseInt(args[1]);
        Sequential model = new Sequential(new Linear(size, size));
        model.parameters().forEach(parameter -> parameter.value().fill(3f));
        while (true) {
            model.save(target);
        }
    }
}
