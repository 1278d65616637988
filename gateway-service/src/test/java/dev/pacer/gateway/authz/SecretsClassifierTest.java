package dev.pacer.gateway.authz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SecretsClassifierTest {

    @Test
    void aSecretsPath_isAuthorizedByPrefix_likeAnApp() {
        Resource db = Resource.secret("/team-b/db/password");
        assertThat(classify(HttpMethod.GET, "/api/secrets/team-b/db/password")).isEqualTo(Requirement.on(Action.VIEW, db));
        assertThat(classify(HttpMethod.PUT, "/api/secrets/team-b/db/password")).isEqualTo(Requirement.on(Action.UPDATE, db));
        assertThat(classify(HttpMethod.DELETE, "/api/secrets/team-b/db/password")).isEqualTo(Requirement.on(Action.DELETE, db));
        assertThat(classify(HttpMethod.GET, "/api/secrets/_versions/team-b/db/password")).isEqualTo(Requirement.on(Action.VIEW, db));
        assertThat(classify(HttpMethod.PUT, "/api/secrets/te%61m-b/db/password")).isEqualTo(Requirement.on(Action.UPDATE, db));
    }

    @Test
    void theListAndTheAudit_areFiltered() {
        assertThat(classify(HttpMethod.GET, "/api/secrets")).isEqualTo(Requirement.list(Requirement.ListShape.SECRETS, AppId.ROOT));
        assertThat(classify(HttpMethod.GET, "/api/secrets/_audit")).isEqualTo(Requirement.list(Requirement.ListShape.AUDIT, AppId.ROOT));
    }

    @Test
    void agentAndOperatorEndpoints_needUpdateOnTheRoot_evenToRead() {
        for (HttpMethod method : List.of(HttpMethod.POST, HttpMethod.GET, HttpMethod.PUT)) {
            assertThat(classify(method, "/api/secrets/_redeem")).isEqualTo(Requirement.root(Action.UPDATE));
            assertThat(classify(method, "/api/secrets/_rewrap")).isEqualTo(Requirement.root(Action.UPDATE));
        }
        assertThat(classify(HttpMethod.GET, "/api/secrets/_other")).isEqualTo(Requirement.root(Action.VIEW));
        assertThat(classify(HttpMethod.POST, "/api/secrets/_audit")).isEqualTo(Requirement.root(Action.UPDATE));
    }

    @Test
    void aPathThatIsNoSecretPath_isUnreadable() {
        for (String path : List.of("/api/secrets/team-b/%2e%2e/x", "/api/secrets/te%zz", "/api/secrets/team-b/x%00",
                "/api/secrets/.hidden", "/api/secrets/_versions/.x")) {
            assertThat(classify(HttpMethod.GET, path).kind()).as(path).isEqualTo(Requirement.Kind.UNREADABLE);
        }
    }

    private static Requirement classify(HttpMethod method, String path) {
        return SecretsClassifier.classify(method, path);
    }
}
