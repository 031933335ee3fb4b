package io.caseswarm.knowledge.projection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.caseswarm.knowledge.domain.ArticleStatus;
import io.caseswarm.knowledge.domain.Visibility;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * An article as its readers see it: the published version once there is one, else the draft. Search and
 * suggestions read only these columns (the full-text index is a generated column the database keeps), so a
 * pending revision is found by nobody until it is published.
 */
@Entity
@Table(name = "article_view")
public class ArticleView extends PanacheEntityBase {

    @Id
    public UUID articleId;
    public String title;
    public String body;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags;
    public String product;
    @Enumerated(EnumType.STRING)
    public ArticleStatus status;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    public UUID sourceCaseId;
    public Instant createdAt;
    public Instant updatedAt;
    public long version;
    /** On how many cases staff said the article helped. */
    public long uses;
    /** A revision of a published article waiting for a lead or an admin; all null when there is none. */
    public String pendingTitle;
    public String pendingBody;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> pendingTags;
    public String pendingProduct;
    @Enumerated(EnumType.STRING)
    public Visibility pendingVisibility;
    public Instant pendingSince;

    public boolean hasPendingRevision() {
        return pendingSince != null;
    }

    /** What a customer may read: published, and meant for them. */
    public boolean isPublicAndPublished() {
        return status == ArticleStatus.PUBLISHED && visibility == Visibility.PUBLIC;
    }
}
