package dev.pacer.contract.secrets;

import dev.pacer.contract.ApiPaths;

/**
 * secrets-service's HTTP API (behind the gateway at {@link ApiPaths#API_SECRETS}). A secret's path follows
 * the prefix ({@code PUT /api/secrets/prod/db/password}); segments starting with {@code _} are the API's
 * own resources and can never be secret paths.
 */
public final class SecretsApi {

    public static final String ROOT = ApiPaths.API_SECRETS;
    /** {@code GET /api/secrets/_versions/{path}}: the versions of a secret. */
    public static final String VERSIONS = ROOT + "/_versions";
    /** {@code GET /api/secrets/_audit?path=&task=&agent=&limit=}: audited reads, newest first. */
    public static final String AUDIT = ROOT + "/_audit";
    /** {@code POST /api/secrets/_redeem} + {@link RedeemRequest}: an agent redeems a grant. */
    public static final String REDEEM = ROOT + "/_redeem";
    /** {@code POST /api/secrets/_rewrap}: re-encrypts every embedded value's key under the active key version. */
    public static final String REWRAP = ROOT + "/_rewrap";

    private SecretsApi() {
    }
}
