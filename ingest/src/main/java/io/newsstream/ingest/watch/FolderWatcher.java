package io.newsstream.ingest.watch;

import io.newsstream.ingest.read.ArticleReader;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Watches a folder (and its subfolders) for article files: hands every readable file
 * ({@link ArticleReader#isReadable(Path)}) present at start to the callback in name order, then every
 * file created or changed later, once it has been quiet for the debounce time, so a file still being
 * written is read once, complete. A file is handed over again only when its size or modification
 * time changed; whether its content is new is then decided by the article id downstream.
 *
 * <p>Uses the platform's file events where it has them, and falls back to scanning every poll
 * interval (network file systems, some containers), where a file counts as quiet once two scans
 * agree on it.
 */
public final class FolderWatcher implements AutoCloseable {

    private final Path dir;
    private final Consumer<Path> onFile;
    private final Duration debounce;
    private final Duration pollInterval;
    private final boolean forcePolling;
    private final LongSupplier nanoTime = System::nanoTime;
    private final Map<Path, FileState> handled = new HashMap<>();
    private final Map<Path, Long> pending = new HashMap<>();
    private final Map<Path, FileState> lastScan = new HashMap<>();
    private volatile boolean closed;
    private volatile WatchService watcher;
    private volatile boolean polling;

    /** What a file looked like when last handed over. */
    private record FileState(long size, FileTime modified) {
    }

    /**
     * @param dir          the folder to watch
     * @param onFile       called with each new or changed file, on the thread that calls {@link #run()}
     * @param debounce     quiet time a changed file needs before it is handed over
     * @param pollInterval how often to scan when file events are unavailable
     */
    public FolderWatcher(Path dir, Consumer<Path> onFile, Duration debounce, Duration pollInterval) {
        this(dir, onFile, debounce, pollInterval, false);
    }

    FolderWatcher(Path dir, Consumer<Path> onFile, Duration debounce, Duration pollInterval, boolean forcePolling) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.onFile = Objects.requireNonNull(onFile, "onFile");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        this.forcePolling = forcePolling;
    }

    /** Whether the watcher fell back to scanning (known once {@link #run()} has started). */
    public boolean isPolling() {
        return polling;
    }

    /**
     * Handles the files present, then watches until {@link #close()} is called from another thread.
     *
     * @throws IOException when the folder cannot be read at all
     */
    public void run() throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("not a folder: " + dir);
        }
        WatchService ws = forcePolling ? null : openWatchService();
        if (ws != null) {
            try {
                registerAll(ws, dir);
            } catch (IOException | UnsupportedOperationException e) {
                // out of watches (inotify limits) or a file system without events: scan instead
                ws.close();
                ws = null;
            }
        }
        polling = ws == null;
        watcher = ws;
        for (Path file : scan()) {
            if (closed) {
                return;
            }
            handle(file);
        }
        try {
            if (polling) {
                pollLoop();
            } else {
                eventLoop(ws);
            }
        } catch (ClosedWatchServiceException e) {
            // closed from another thread: the normal way out
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (ws != null) {
                ws.close();
            }
        }
    }

    private void eventLoop(WatchService ws) throws InterruptedException, IOException {
        long tick = Math.max(10, Math.min(debounce.toMillis(), 250));
        while (!closed) {
            WatchKey key = ws.poll(tick, java.util.concurrent.TimeUnit.MILLISECONDS);
            while (key != null) {
                Path parent = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        scan().forEach(this::markPending);
                        continue;
                    }
                    Path path = parent.resolve((Path) event.context());
                    if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                        registerAll(ws, path);
                        // files may have landed in it before it was registered
                        walk(path).forEach(this::markPending);
                    } else if (event.kind() != StandardWatchEventKinds.ENTRY_DELETE && ArticleReader.isReadable(path)
                            && !isHidden(path)) {
                        markPending(path);
                    }
                }
                key.reset();
                key = ws.poll();
            }
            handleQuietFiles();
        }
    }

    private void pollLoop() throws InterruptedException, IOException {
        for (Path file : scan()) {
            lastScan.put(file, state(file));
        }
        while (!closed) {
            Thread.sleep(pollInterval.toMillis());
            Map<Path, FileState> now = new HashMap<>();
            for (Path file : scan()) {
                FileState s = state(file);
                now.put(file, s);
                // quiet: unchanged since the previous scan, and different from what was handed over
                if (s != null && s.equals(lastScan.get(file)) && !s.equals(handled.get(file)) && !closed) {
                    handle(file);
                }
            }
            lastScan.clear();
            lastScan.putAll(now);
        }
    }

    private void markPending(Path file) {
        pending.put(file, nanoTime.getAsLong());
    }

    private void handleQuietFiles() {
        long now = nanoTime.getAsLong();
        List<Path> ready = new ArrayList<>();
        pending.forEach((file, at) -> {
            if (now - at >= debounce.toNanos()) {
                ready.add(file);
            }
        });
        ready.sort(null);
        for (Path file : ready) {
            pending.remove(file);
            if (!closed) {
                handle(file);
            }
        }
    }

    private void handle(Path file) {
        FileState s = state(file);
        if (s == null || s.equals(handled.get(file))) {
            return;
        }
        handled.put(file, s);
        onFile.accept(file);
    }

    private static FileState state(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? new FileState(a.size(), a.lastModifiedTime()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private List<Path> scan() throws IOException {
        return walk(dir);
    }

    private static List<Path> walk(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                return !d.equals(root) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && ArticleReader.isReadable(file) && !isHidden(file)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }

    private static void registerAll(WatchService ws, Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                if (!d.equals(root) && isHidden(d)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private WatchService openWatchService() {
        try {
            return dir.getFileSystem().newWatchService();
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /** Stops watching; {@link #run()} returns after the file it is handling, if any. */
    @Override
    public void close() {
        closed = true;
        WatchService ws = watcher;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                // closing is best effort; run() exits on the closed flag anyway
            }
        }
    }
}
