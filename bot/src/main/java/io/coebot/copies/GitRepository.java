package io.coebot.copies;

import io.coebot.publish.CoeDocument;
import io.coebot.publish.MarkdownRendering;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.RebaseResult;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A Git repository of COEs (docs-as-code): publishing commits {@code <path>/COE-<n>-<slug>.md} (the Markdown file's
 * very text) and its images in {@code <path>/COE-<n>-<slug>/}, and pushes. JGit, a Git implementation in Java, so no
 * git binary is needed. Each write clones the branch afresh into a temporary folder (a COE repository is small, and
 * nothing stale survives a failed attempt); a push refused because the branch moved is fetched, rebased and pushed
 * again. Re-publishing commits the change to the same file; publishing unchanged commits nothing (which is also how
 * a push whose answer never came is recognised: the file is already as we would write it).
 */
@Singleton
class GitRepository implements CopyTarget {
    private static final int PUSH_ROUNDS = 4;

    private final String url;
    private final String branch;
    private final String folder;
    private final String username;
    private final String token;
    private final String sshKey;
    private final int timeoutSeconds;
    private final Clock clock;

    GitRepository(@Value("${coe.git.url:}") String url, @Value("${coe.git.branch:main}") String branch,
                  @Value("${coe.git.path:coes}") String folder, @Value("${coe.git.username:}") String username,
                  @Value("${coe.git.token:}") String token, @Value("${coe.git.ssh-key:}") String sshKey,
                  @Value("${coe.copies.timeout-millis:15000}") long timeoutMillis, Clock clock) {
        this.url = url == null ? "" : url.strip();
        this.branch = branch == null || branch.isBlank() ? "main" : branch.strip();
        this.folder = folder == null ? "coes" : folder.strip().replaceAll("^/+|/+$", "");
        this.username = username == null ? "" : username.strip();
        this.token = token == null ? "" : token.strip();
        this.sshKey = sshKey == null ? "" : sshKey.strip();
        this.timeoutSeconds = (int) Math.max(1, timeoutMillis / 1000);
        this.clock = clock;
    }

    @Override public String name() { return "git"; }
    @Override public String title() { return "Git"; }
    @Override public String linkLabel() { return "the file"; }

    @Override
    public boolean configured() {
        return !url.isEmpty();
    }

    @Override
    public String render(CoeDocument doc) {
        return MarkdownRendering.render(doc);
    }

    /** "coes/COE-3-checkout-500s.md" */
    String pathOf(CopyJob job) {
        return (folder.isEmpty() ? "" : folder + "/") + job.stem() + ".md";
    }

    @Override
    public Written write(CopyJob job) throws CopyFailure {
        if (url.startsWith("ssh://") || url.matches("^[\\w.-]+@[\\w.-]+:.*")) {
            throw new CopyFailure(CopyFailure.Kind.REFUSED, "this build reaches Git over https and file URLs only; "
                    + "set COE_GIT_URL to the repository's https URL with COE_GIT_USERNAME and COE_GIT_TOKEN.", null);
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("coe-git-");
            try (Git git = Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBranch(branch)
                    .setCredentialsProvider(credentials()).setTimeout(timeoutSeconds).call()) {
                boolean hasBranch = git.getRepository().resolve("refs/remotes/origin/" + branch) != null;
                if (hasBranch) {
                    git.checkout().setName(branch).setCreateBranch(git.getRepository().resolve("refs/heads/" + branch) == null)
                            .setStartPoint("origin/" + branch).call();
                }
                if (commit(git, dir, job) == null) {
                    // already as we would write it (a push whose answer never came did land): nothing to push
                    return written(git.getRepository().resolve("HEAD"), job);
                }
                for (int round = 1; ; round++) {
                    beforePush();
                    RemoteRefUpdate.Status status = push(git);
                    if (status == RemoteRefUpdate.Status.OK || status == RemoteRefUpdate.Status.UP_TO_DATE) {
                        return written(git.getRepository().resolve("HEAD"), job);
                    }
                    if (round == PUSH_ROUNDS || (status != RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                            && status != RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                            && status != RemoteRefUpdate.Status.REJECTED_OTHER_REASON)) {
                        throw new CopyFailure(round == PUSH_ROUNDS ? CopyFailure.Kind.DOWN : CopyFailure.Kind.REFUSED,
                                "the repository refused the push (" + status.name().toLowerCase(Locale.ROOT) + ").", null);
                    }
                    if (!catchUp(git, dir, job)) {
                        return written(git.getRepository().resolve("HEAD"), job);
                    }
                }
            }
        } catch (TransportException e) {
            throw transport(e);
        } catch (org.eclipse.jgit.api.errors.InvalidRemoteException e) {
            throw new CopyFailure(CopyFailure.Kind.REFUSED, "the repository was not found at COE_GIT_URL.", null);
        } catch (GitAPIException | IOException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw new CopyFailure(CopyFailure.Kind.DOWN, "Git failed (" + e.getClass().getSimpleName() + ").", null);
        } finally {
            delete(dir);
        }
    }

    /**
     * The branch moved under us: fetch it and rebase our commit onto it. Where the rebase stops (someone changed this
     * very file), the COE as published wins: our commit is made again on top of theirs.
     *
     * @return whether there is still something to push (false: the branch already holds the COE as we write it)
     */
    private boolean catchUp(Git git, Path dir, CopyJob job) throws GitAPIException, IOException {
        git.fetch().setCredentialsProvider(credentials()).setTimeout(timeoutSeconds).call();
        String upstream = "refs/remotes/origin/" + branch;
        RebaseResult r = git.rebase().setUpstream(upstream).call();
        if (!r.getStatus().isSuccessful()) {
            git.rebase().setOperation(org.eclipse.jgit.api.RebaseCommand.Operation.ABORT).call();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(upstream).call();
            return commit(git, dir, job) != null;
        }
        return !git.getRepository().resolve("HEAD").equals(git.getRepository().resolve(upstream));
    }

    /** Writes the file and its images and commits them; null when nothing changed. */
    private ObjectId commit(Git git, Path dir, CopyJob job) throws GitAPIException, IOException {
        Path md = dir.resolve(pathOf(job));
        Files.createDirectories(md.getParent());
        Files.writeString(md, job.body());
        String pattern = pathOf(job);
        var add = git.add().addFilepattern(pattern);
        if (!job.figures().isEmpty()) {
            Path images = md.getParent().resolve(job.stem());
            Files.createDirectories(images);
            for (CopyJob.Figure f : job.figures()) {
                Files.write(images.resolve(f.name()), f.png());
            }
            add.addFilepattern((folder.isEmpty() ? "" : folder + "/") + job.stem());
        }
        add.call();
        if (git.status().call().isClean()) {
            return null;
        }
        PersonIdent bot = new PersonIdent("coe-bot", "coe-bot@users.noreply.localhost", clock.instant(), java.time.ZoneOffset.UTC);
        String message = job.label() + ": " + job.title() + (job.version() > 1 ? " (version " + job.version() + ")" : "")
                + "\n\nPublished by " + job.publishedBy() + " in Slack.";
        return git.commit().setMessage(message).setAuthor(bot).setCommitter(bot).setSign(false).call().getId();
    }

    /** Where a test lets a teammate push first, as happens when two people publish at once; nothing here. */
    void beforePush() throws IOException {
    }

    private RemoteRefUpdate.Status push(Git git) throws GitAPIException {
        Iterable<PushResult> results = git.push().setCredentialsProvider(credentials()).setTimeout(timeoutSeconds)
                .setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
        for (PushResult r : results) {
            RemoteRefUpdate u = r.getRemoteUpdate("refs/heads/" + branch);
            if (u != null) {
                return u.getStatus();
            }
        }
        return RemoteRefUpdate.Status.REJECTED_OTHER_REASON;
    }

    private Written written(ObjectId commit, CopyJob job) {
        return new Written(commit == null ? null : commit.name(), browseUrl(job));
    }

    /**
     * The file's page where the repository is browsed over https (GitHub, GitLab and Gitea take
     * {@code <repo>/blob/<branch>/<path>}); null for a file URL, which no reader can follow.
     */
    String browseUrl(CopyJob job) {
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            return null;
        }
        String base = url.replaceAll("\\.git/?$", "").replaceAll("/+$", "").replaceFirst("//[^/@]*@", "//");
        return base + "/blob/" + branch + "/" + pathOf(job);
    }

    private CredentialsProvider credentials() {
        return token.isEmpty() ? null : new UsernamePasswordCredentialsProvider(username.isEmpty() ? "git" : username, token);
    }

    /** The remote's trouble in words for the channel: never its message, which may quote the URL with credentials. */
    private static CopyFailure transport(TransportException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("not authorized") || m.contains("authentication") || m.contains("401") || m.contains("403")) {
            return new CopyFailure(CopyFailure.Kind.REFUSED, "the repository refused our credentials (COE_GIT_USERNAME, COE_GIT_TOKEN).", null);
        }
        if (m.contains("not found") || m.contains("404") || m.contains("does not appear to be a git repository")) {
            return new CopyFailure(CopyFailure.Kind.REFUSED, "the repository was not found at COE_GIT_URL.", null);
        }
        if (m.contains("timed out") || m.contains("timeout")) {
            return new CopyFailure(CopyFailure.Kind.TIMEOUT, "the repository did not answer in time.", null);
        }
        if (m.contains("remote branch") && m.contains("not found")) {
            return new CopyFailure(CopyFailure.Kind.REFUSED, "the branch was not found.", null);
        }
        return new CopyFailure(CopyFailure.Kind.DOWN, "the repository could not be reached.", null);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
