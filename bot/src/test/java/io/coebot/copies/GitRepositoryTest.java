package io.coebot.copies;

import io.coebot.testing.GitHttpServer;
import io.coebot.testing.RealGit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Git copy against real repositories the test creates with Debian's git: reached by a file URL and by smart HTTP
 * with credentials ({@code git http-backend}), a teammate's push racing ours, and what the repository then holds as
 * {@code git log} and {@code git show} tell it.
 */
class GitRepositoryTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @BeforeAll
    static void git() {
        RealGit.assumeInstalled();
    }

    private static CopyJob job(String body, int version) {
        return new CopyJob(7, "T1", "C1", "COE-7", "Checkout 500s & <friends>", "COE-7-checkout-500s", body, null, null,
                false, version, "@alice", List.of(new CopyJob.Figure("graph-1.png", "Graph 1", PNG)));
    }

    private static GitRepository repo(String url, String user, String token) {
        return new GitRepository(url, "main", "coes", user, token, "", 15_000, Clock.systemUTC());
    }

    @Test
    void aFileUrlGetsTheMarkdownAndItsImagesInOneCommitAndRepublishingCommitsTheChange() throws Exception {
        Path bare = RealGit.bare("main");
        GitRepository git = repo(bare.toUri().toString(), "", "");

        Written first = git.write(job("# COE-7\n\nFirst words\n", 1));
        assertEquals(List.of("COE-7: Checkout 500s & <friends>"), RealGit.log(bare, "main"));
        assertEquals("# COE-7\n\nFirst words\n", RealGit.show(bare, "main", "coes/COE-7-checkout-500s.md"));
        assertTrue(RealGit.run(bare, "git", "--git-dir=" + bare, "ls-tree", "-r", "--name-only", "main")
                .contains("coes/COE-7-checkout-500s/graph-1.png"), "the image next to the Markdown");
        assertEquals(RealGit.run(bare, "git", "--git-dir=" + bare, "rev-parse", "main").strip(), first.remoteId());
        String message = RealGit.run(bare, "git", "--git-dir=" + bare, "log", "-1", "--format=%B", "main");
        assertTrue(message.contains("Published by @alice"), message);

        Written unchanged = git.write(job("# COE-7\n\nFirst words\n", 1));
        assertEquals(first.remoteId(), unchanged.remoteId(), "the same text again (a push whose answer was lost): no commit");
        assertEquals(1, RealGit.log(bare, "main").size());

        git.write(job("# COE-7\n\nSecond words\n", 2));
        assertEquals(List.of("COE-7: Checkout 500s & <friends> (version 2)", "COE-7: Checkout 500s & <friends>"),
                RealGit.log(bare, "main"));
        assertEquals("# COE-7\n\nSecond words\n", RealGit.show(bare, "main", "coes/COE-7-checkout-500s.md"));
    }

    @Test
    void aPushRefusedBecauseTheBranchMovedIsRebasedOntoItAndPushedAgain() throws Exception {
        Path bare = RealGit.bare("main");
        RealGit.commitElsewhere(bare, "main", "README.md", "COEs of the payments team\n");
        int[] pushes = {0};
        GitRepository git = new GitRepository(bare.toUri().toString(), "main", "coes", "", "", "", 15_000, Clock.systemUTC()) {
            @Override
            void beforePush() throws IOException {
                if (pushes[0]++ == 0) {
                    // between our clone and our push, a teammate pushes
                    RealGit.commitElsewhere(bare, "main", "OWNERS", "payments\n");
                }
            }
        };

        git.write(job("# COE-7\n", 1));

        assertEquals(2, pushes[0], "refused once, then pushed after the rebase: " + RealGit.log(bare, "main"));
        List<String> log = RealGit.log(bare, "main");
        assertEquals("COE-7: Checkout 500s & <friends>", log.get(0), "ours on top: " + log);
        assertTrue(log.contains("Someone else's change to OWNERS") && log.contains("Someone else's change to README.md"), log.toString());
        assertEquals("payments\n", RealGit.show(bare, "main", "OWNERS"), "the teammate's commit is kept");
        assertEquals("# COE-7\n", RealGit.show(bare, "main", "coes/COE-7-checkout-500s.md"));
    }

    @Test
    void smartHttpWithCredentialsPushesAndWrongCredentialsAreRefusedWithoutQuotingThem() throws Exception {
        assumeTrue(GitHttpServer.available(), "git http-backend is not installed (Debian package git)");
        Path bare = RealGit.bare("main");
        try (GitHttpServer http = new GitHttpServer(bare.getParent(), "coe-bot", "s3cret-token-0123")) {
            String url = http.url("coes.git");
            repo(url, "coe-bot", "s3cret-token-0123").write(job("# COE-7 over https\n", 1));
            assertEquals("# COE-7 over https\n", RealGit.show(bare, "main", "coes/COE-7-checkout-500s.md"));

            CopyFailure refused = assertThrows(CopyFailure.class,
                    () -> repo(url, "coe-bot", "wrong-token-9876543").write(job("# again\n", 2)));
            assertEquals(CopyFailure.Kind.REFUSED, refused.kind(), refused.reason());
            assertFalse(refused.reason().contains("wrong-token"), refused.reason());
            assertEquals(1, RealGit.log(bare, "main").size(), "nothing pushed without the right credentials");
        }
    }

    @Test
    void aRepositoryThatIsNotThereIsReportedAsSuch() throws Exception {
        Path missing = RealGit.bare("main").resolveSibling("nothing-here.git");
        CopyFailure f = assertThrows(CopyFailure.class, () -> repo(missing.toUri().toString(), "", "").write(job("x", 1)));
        assertEquals(CopyFailure.Kind.REFUSED, f.kind(), f.reason());
    }
}
