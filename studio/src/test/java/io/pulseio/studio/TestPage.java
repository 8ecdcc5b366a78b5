package io.pulseio.studio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A stand-in page folder (an index.html and one asset) for the tests that need no browser. */
final class TestPage {
    private TestPage() {}

    static StudioPage in(Path dir) throws IOException {
        Path page = dir.resolve("page");
        Files.createDirectories(page.resolve("assets"));
        Files.writeString(page.resolve("index.html"), "<!doctype html><title>studio</title>");
        Files.writeString(page.resolve("assets/main.js"), "console.log('studio')");
        return StudioPage.folder(page);
    }
}
