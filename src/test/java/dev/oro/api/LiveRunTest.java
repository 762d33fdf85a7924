package dev.oro.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.eval.RunSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveRunTest {

    @Test
    void should_let_a_listener_leave_while_being_told_the_run_finished() {
        LiveRun run = new LiveRun("r1", 2, null, () -> 0);
        List<String> heard = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String name = "client" + i;
            run.subscribe(new LiveRun.Subscriber() {
                @Override
                public void progress(LiveRun.Progress progress) {
                }

                @Override
                public void finished(RunSummary summary) {
                    heard.add(name);
                    // what an SSE stream does when it completes
                    run.unsubscribe(this);
                }
            });
        }
        run.finished(new RunSummary("r1", "completed", 2, 2, 0, 0));
        assertThat(heard).containsExactly("client0", "client1", "client2");
    }
}
