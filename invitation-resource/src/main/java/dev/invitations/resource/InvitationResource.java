package dev.invitations.resource;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.InvitationEmailSent;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.invitation.PersonalDataErased;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The invitation resource of the contract (its JSON is what both sides answer with), folded from the invitation's
 * events. It is the one place that says what each event means for a reader: the command side folds an invitation's
 * stream to answer a command, the query side folds the same events into its views, so the two answers cannot drift
 * apart. It holds only what clients see, its version as the {@code ETag}; what a side keeps besides (the query side's
 * token hash) is in that side's subclass.
 * <p>
 * {@link #apply} is idempotent: an event at or below {@link #getVersion()} changes nothing.
 */
@JsonPropertyOrder({"name", "id", "orgId", "invitedEmail", "role", "roles", "orgDisplayName", "locale", "redirectUrl",
        "metadata", "erased", "state", "inviter", "creator", "updater",
        "createTime", "updateTime", "expirationTime", "lastSentTime", "sendCount", "disableInvitationEmail", "labels",
        "acceptTime", "acceptedBy", "revokeTime", "revokedBy", "revokeReason", "declineTime", "delivery", "urn"})
public class InvitationResource {

    private String id;
    private String orgId;
    private String invitedEmail;
    /** The first of {@code roles}, also stored: a view stored before roles existed holds only this. */
    private String role;
    private List<String> roles;
    /** The org's display name as the latest email showed it. */
    private String orgDisplayName;
    private String locale;
    private String redirectUrl;
    /** The caller's JSON object as JSON text: its keys may hold anything, which a document field name may not. */
    private String metadata;
    /**
     * The invitee's personal data was erased: {@code invitedEmail}, {@code acceptedBy}, {@code metadata} and the
     * delivery's error are null.
     */
    private boolean erased;
    private InvitationState state;
    private String inviter;
    private String creator;
    private String updater;
    private Instant createTime;
    private Instant updateTime;
    private Instant expirationTime;
    private Instant lastSentTime;
    private int sendCount;
    private boolean disableInvitationEmail;
    private Map<String, String> labels = new LinkedHashMap<>();
    private Instant acceptTime;
    private String acceptedBy;
    private Instant revokeTime;
    private String revokedBy;
    private String revokeReason;
    private Instant declineTime;
    private Delivery delivery;
    private long version = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Applies one event of this invitation at aggregate sequence {@code sequence}: any payload of its stream, since
     * a newer command side may store events this version does not know.
     *
     * @return whether the resource changed: false for an event it has already seen or does not know
     */
    public boolean apply(Object event, long sequence) {
        if (sequence <= version) {
            return false;
        }
        if (event instanceof InvitationCreated e) {
            id = e.invitationId();
            orgId = e.orgId();
            invitedEmail = e.invitedEmail();
            setRoles(e.roles());
            orgDisplayName = e.orgDisplayName();
            locale = e.locale();
            redirectUrl = e.redirectUrl();
            metadata = jsonOf(e.metadata());
            state = InvitationState.PENDING;
            inviter = e.inviter();
            creator = e.createdBy();
            updater = e.createdBy();
            createTime = e.createTime();
            updateTime = e.createTime();
            expirationTime = e.expirationTime();
            lastSentTime = e.createTime();
            sendCount = 1;
            disableInvitationEmail = e.disableInvitationEmail();
            labels = copyOf(e.labels());
            delivery = Delivery.firstAttemptOf(e.disableInvitationEmail());
        } else if (event instanceof InvitationResent e) {
            state = InvitationState.PENDING;
            sendCount = e.sendCount();
            expirationTime = e.expirationTime();
            lastSentTime = e.resendTime();
            locale = e.locale();
            orgDisplayName = e.orgDisplayName();
            delivery = Delivery.firstAttemptOf(disableInvitationEmail);
            changedBy(e.resentBy(), e.resendTime());
        } else if (event instanceof InvitationUpdated e) {
            setRoles(e.roles());
            labels = copyOf(e.labels());
            changedBy(e.updatedBy(), e.updateTime());
        } else if (event instanceof InvitationRevoked e) {
            state = InvitationState.REVOKED;
            revokeTime = e.revokeTime();
            revokedBy = e.revokedBy();
            revokeReason = e.reason();
            changedBy(e.revokedBy(), e.revokeTime());
        } else if (event instanceof InvitationAccepted e) {
            state = InvitationState.ACCEPTED;
            acceptTime = e.acceptTime();
            acceptedBy = e.acceptedBy();
            metadata = jsonOf(e.metadata());
            changedBy(e.acceptedBy() != null ? e.acceptedBy() : updater, e.acceptTime());
        } else if (event instanceof InvitationDeclined e) {
            state = InvitationState.DECLINED;
            declineTime = e.declineTime();
            updateTime = e.declineTime();
        } else if (event instanceof InvitationExpired e) {
            state = InvitationState.EXPIRED;
            updateTime = e.expireTime();
        } else if (event instanceof InvitationEmailSent e) {
            if (e.sendCount() == sendCount) {
                delivery = Delivery.sent(e.attempts());
            }
        } else if (event instanceof PersonalDataErased e) {
            erased = true;
            invitedEmail = null;
            acceptedBy = null;
            metadata = null;
            delivery = delivery == null ? null : delivery.withoutError();
            changedBy(e.erasedBy(), e.eraseTime());
        } else if (event instanceof InvitationEmailFailed e) {
            // a record of an earlier send's email says nothing about the current one
            if (e.sendCount() == sendCount) {
                delivery = Delivery.failed(e.attempts(), e.error(), e.retrying());
            }
        } else {
            return false;
        }
        version = sequence;
        return true;
    }

    private void changedBy(String actor, Instant time) {
        updater = actor;
        updateTime = time;
    }

    private static Map<String, String> copyOf(Map<String, String> labels) {
        return labels == null ? new LinkedHashMap<>() : new LinkedHashMap<>(labels);
    }

    private void setRoles(List<String> newRoles) {
        roles = List.copyOf(newRoles);
        role = roles.isEmpty() ? null : roles.get(0);
    }

    private static String jsonOf(Map<String, Object> metadata) {
        try {
            return metadata == null ? null : JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata that is no JSON object", e);
        }
    }

    /** The resource name of the contract: {@code orgs/{orgId}/invitations/{id}}. */
    @JsonProperty("name")
    public String getName() {
        return "orgs/" + orgId + "/invitations/" + id;
    }

    @JsonProperty("urn")
    public String getUrn() {
        return "urn:invitations:org:" + orgId + ":invitation/" + id;
    }

    public String getId() {
        return id;
    }

    public String getOrgId() {
        return orgId;
    }

    public String getInvitedEmail() {
        return invitedEmail;
    }

    /** The first role, for clients written before roles. */
    public String getRole() {
        return role;
    }

    public List<String> getRoles() {
        if (roles == null) {
            return role == null ? List.of() : List.of(role);
        }
        return roles;
    }

    public String getOrgDisplayName() {
        return orgDisplayName;
    }

    public String getLocale() {
        return locale;
    }

    public String getRedirectUrl() {
        return redirectUrl;
    }

    /** The metadata object, written as given (null if none or erased). */
    @JsonRawValue
    public String getMetadata() {
        return metadata;
    }

    public boolean isErased() {
        return erased;
    }

    public InvitationState getState() {
        return state;
    }

    public String getInviter() {
        return inviter;
    }

    public String getCreator() {
        return creator;
    }

    public String getUpdater() {
        return updater;
    }

    public Instant getCreateTime() {
        return createTime;
    }

    public Instant getUpdateTime() {
        return updateTime;
    }

    public Instant getExpirationTime() {
        return expirationTime;
    }

    public Instant getLastSentTime() {
        return lastSentTime;
    }

    public int getSendCount() {
        return sendCount;
    }

    public boolean isDisableInvitationEmail() {
        return disableInvitationEmail;
    }

    public Map<String, String> getLabels() {
        return labels;
    }

    public Instant getAcceptTime() {
        return acceptTime;
    }

    public String getAcceptedBy() {
        return acceptedBy;
    }

    public Instant getRevokeTime() {
        return revokeTime;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public Instant getDeclineTime() {
        return declineTime;
    }

    public Delivery getDelivery() {
        return delivery;
    }

    /** The aggregate's sequence number of the last applied event: the {@code ETag} of the resource. */
    @JsonIgnore
    public long getVersion() {
        return version;
    }
}
