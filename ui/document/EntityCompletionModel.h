// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractListModel>
#include <QFlags>
#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rd::core
{
class AccessGraph;
}

namespace rd::doc
{

class WorkspaceDocument;

/// Every name that the simulation and reach questions take, for the pickers that complete them (ui::EntityPicker):
/// the users, groups, roles, resources (modelled ones, and the patterns that statements name), accounts, services and
/// identity providers of the document's analysis model, each with the key the questions take (its ARN, an account's
/// root ARN, a service principal, a provider), and the AWS service principals the program knows. Sorted by name,
/// case-insensitively. Read-only.
///
/// Follows AccountAnalysis::modelChanged(): when the graph's nodes changed (an entity added, removed or renamed; an
/// edit of policies alone keeps them) the model resets, and the rows are made again when first read after that. Never
/// rebuilt per keystroke: the pickers filter it (EntityFilterModel). Owned by the document.
class EntityCompletionModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum class Kind {
        User = 0x1,
        Group = 0x2,
        Role = 0x4,
        Account = 0x8,
        Service = 0x10,
        Provider = 0x20,
        /// A resource the workspace models.
        Resource = 0x40,
        /// A resource pattern that a statement names (`arn:aws:s3:::bucket/*`), not modelled.
        Pattern = 0x80,
        /// An AWS service principal the program knows (core::knownServicePrincipals()) that the workspace does not
        /// name.
        KnownService = 0x100,
    };
    Q_DECLARE_FLAGS(Kinds, Kind)

    /// Who makes requests: users, roles, accounts, services, identity providers (IAM User Guide, "IAM JSON policy
    /// elements: Principal": a group is not a principal).
    static Kinds principalKinds();
    /// What requests act on: resources and the patterns statements name, and users, groups and roles (IAM resources
    /// themselves: `iam:PassRole`, `sts:AssumeRole`).
    static Kinds resourceKinds();

    enum ItemRole {
        /// The key (also Qt::EditRole): what a picker's text becomes when the row is chosen.
        KeyRole = Qt::UserRole + 1,
        /// The Kind, as int.
        KindRole,
        /// `user`, `role`, `resource`, `pattern`, `service`... for the popup.
        KindNameRole,
        /// The label the workspace gives an external principal (`Audit partner`), else empty.
        NoteRole,
    };

    /// One row. The texts point into the graph the rows were made from (kept alive by the model) or into the program's
    /// list of service principals: nothing is copied per row.
    struct Entry {
        std::string_view name;
        std::string_view key;
        /// The label the workspace gives an external principal (copied: the workspace changes under the model).
        std::string note;
        Kind kind = Kind::Resource;
    };

    /// How an entry matches typed text, best first; NoMatch when it does not.
    enum class Match { Whole, Start, Inside, NoMatch };

    /// What a picker's text stands for.
    struct Resolution {
        enum class Status {
            /// Nothing typed.
            Empty,
            /// An ARN, a pattern or a `*`: taken as typed.
            Key,
            /// The name of exactly one entry (whose key `key` is).
            Name,
            /// The name of several entries of different keys (a role and a user both called `x`): `candidates`.
            Ambiguous,
            /// No entry is called that; `key` is the text as typed.
            Unknown,
        };
        Status status = Status::Empty;
        /// What to ask with: the entry's key for Name, else the text (trimmed).
        QString key;
        /// The keys of the entries the name matched (one for Name, several for Ambiguous).
        QStringList candidates;
    };

    /// Follows `document`'s analysis model.
    explicit EntityCompletionModel(WorkspaceDocument *document);
    ~EntityCompletionModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    /// The row's entry; requires 0 <= row < rowCount().
    const Entry &entry(int row) const;
    /// How the entry in `row` matches `text`: its name (case-insensitively; its label counts as Inside); or, when
    /// `byKey`, its key (for an ARN being typed). `text` must be lower case (ASCII letters are compared without case).
    static Match match(const Entry &entry, std::string_view lowerText, bool byKey);
    /// `text` read against the entries of `kinds`. A text with `:` or `*` is a key as typed (ARNs are taken as they
    /// are, known or not); otherwise it is a name, compared case-insensitively (IAM API Reference, CreateRole and
    /// CreateUser: names "are not distinguished by case"), an account id naming its account.
    Resolution resolve(const QString &text, Kinds kinds) const;
    /// True when `text` is taken as a key rather than a name (see resolve()).
    static bool looksLikeKey(const QString &text);
    /// `user`, `group`, `role`, `account`, `service`, `provider`, `resource`, `pattern`, `AWS service` (translated).
    static QString kindName(Kind kind);

private:
    void onModelChanged();
    /// Makes the rows from m_graph when a reset left them to be made.
    void ensureBuilt() const;

    WorkspaceDocument *m_document;
    /// The graph the rows are made from (kept so that the identity of its nodes tells whether they changed).
    std::shared_ptr<const core::AccessGraph> m_graph;
    // INVARIANT: m_entries describe m_graph's nodes (and the known services) once m_built is set.
    mutable std::vector<Entry> m_entries;
    mutable bool m_built = false;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(EntityCompletionModel::Kinds)

} // namespace rd::doc
