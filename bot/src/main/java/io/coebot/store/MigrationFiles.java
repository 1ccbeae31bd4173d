package io.coebot.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The file names under a classpath folder, from directories and jars (how the app runs: {@code mn:run} from
 * {@code target/classes}, a deployment from jars), without loading Flyway's scanner. Empty when a copy of the folder
 * lives somewhere this cannot list, so that the caller leaves the decision to Flyway.
 */
final class MigrationFiles {
    private MigrationFiles() {
    }

    static Optional<List<String>> list(String folder, ClassLoader loader) {
        String prefix = folder.endsWith("/") ? folder : folder + "/";
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> roots = loader.getResources(folder);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                switch (root.getProtocol()) {
                    case "file" -> {
                        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
                            files.filter(Files::isRegularFile).forEach(f -> names.add(f.getFileName().toString()));
                        }
                    }
                    case "jar" -> {
                        JarURLConnection connection = (JarURLConnection) root.openConnection();
                        connection.setUseCaches(false);
                        try (JarFile jar = connection.getJarFile()) {
                            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                                JarEntry entry = e.nextElement();
                                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                                    names.add(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
                                }
                            }
                        }
                    }
                    default -> {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return names.isEmpty() ? Optional.empty() : Optional.of(names);
    }
}
