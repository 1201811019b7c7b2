// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
#include "widgets/analysis/EntityPicker.h"

#include "document/EntityFilterModel.h"
#include "widgets/graph/GraphStyle.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QKeyEvent>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTimer>

#include <algorithm>

namespace rd::ui
{

using Kind = doc::EntityCompletionModel::Kind;
using Status = doc::EntityCompletionModel::Resolution::Status;

namespace
{

/// The popup's width at least: room for a name and most of an ARN.
constexpr int kPopupWidth = 560;

core::GraphNodeKind graphKind(Kind kind)
{
    switch (kind) {
    case Kind::User:
        return core::GraphNodeKind::User;
    case Kind::Group:
        return core::GraphNodeKind::Group;
    case Kind::Role:
        return core::GraphNodeKind::Role;
    case Kind::Account:
        return core::GraphNodeKind::Account;
    case Kind::Service:
    case Kind::KnownService:
        return core::GraphNodeKind::Service;
    case Kind::Provider:
        return core::GraphNodeKind::Provider;
    case Kind::Resource:
    case Kind::Pattern:
        break;
    }
    return core::GraphNodeKind::Resource;
}

/// A row of the popup: a dot in the graph editor's colour of the kind (hollow for a pattern), the name, then the kind,
/// the workspace's label and the key in the secondary colour, the key elided in the middle (its account and its name
/// stay readable).
class EntityItemDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const auto kind = Kind(index.data(doc::EntityCompletionModel::KindRole).toInt());
        const QString key = index.data(doc::EntityCompletionModel::KeyRole).toString();
        const QString note = index.data(doc::EntityCompletionModel::NoteRole).toString();
        QStringList details { doc::EntityCompletionModel::kindName(kind) };
        if (!note.isEmpty())
            details << note;
        if (key != name)
            details << key;
        const QString detail = details.join(QStringLiteral(" · "));

        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor secondary = selected ? text : opt.palette.color(QPalette::PlaceholderText);
        const QColor accent = GraphStyle::fromPalette(opt.palette).accent(graphKind(kind));
        const QFontMetrics metrics(opt.font);
        const int margin = metrics.horizontalAdvance(QLatin1Char('m')) / 2 + 2;
        QRect rect = opt.rect.adjusted(margin, 0, -margin, 0);

        painter->save();
        painter->setFont(opt.font);
        painter->setRenderHint(QPainter::Antialiasing);
        const int diameter = std::max(6, metrics.height() / 2);
        const QRectF dot(rect.left(), rect.center().y() - diameter / 2.0 + 0.5, diameter, diameter);
        if (kind == Kind::Pattern) {
            painter->setPen(QPen(accent, 1.5));
            painter->setBrush(Qt::NoBrush);
            painter->drawEllipse(dot.adjusted(0.75, 0.75, -0.75, -0.75));
        } else {
            painter->setPen(Qt::NoPen);
            painter->setBrush(accent);
            painter->drawEllipse(dot);
        }
        rect.setLeft(rect.left() + diameter + margin);
        // The name keeps at most three fifths of the row; the details take what is left.
        const int available = rect.width() * 3 / 5;
        const int advance = metrics.horizontalAdvance(name);
        const int nameWidth = std::min(advance, available);
        painter->setPen(text);
        painter->drawText(QRect(rect.left(), rect.top(), nameWidth + margin, rect.height()),
            Qt::AlignVCenter | Qt::AlignLeft,
            advance <= available ? name : metrics.elidedText(name, Qt::ElideMiddle, available));
        rect.setLeft(rect.left() + nameWidth + 2 * margin);
        painter->setPen(secondary);
        painter->drawText(
            rect, Qt::AlignVCenter | Qt::AlignLeft, metrics.elidedText(detail, Qt::ElideMiddle, rect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        // A little air between the rows: the dots and the two texts read as one line each.
        const QSize size = QStyledItemDelegate::sizeHint(option, index);
        return { size.width(), size.height() + 4 };
    }
};

} // namespace

EntityPicker::EntityPicker(
    doc::EntityCompletionModel *entities, doc::EntityCompletionModel::Kinds kinds, QWidget *parent)
    : QLineEdit(parent)
    , m_filter(new doc::EntityFilterModel(entities, this))
    , m_completer(new QCompleter(this))
    , m_arrow(new QAction(this))
{
    m_filter->setKinds(kinds);
    // The completer only shows the list: the filter model decides what it holds (UnfilteredPopupCompletion), and the
    // field is not its widget's completer, so that highlighting a row leaves the typed text alone.
    m_completer->setModel(m_filter);
    m_completer->setWidget(this);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(doc::EntityCompletionModel::KeyRole);
    m_completer->setMaxVisibleItems(12);
    auto *list = new QListView;
    list->setObjectName(QStringLiteral("entityPickerPopup"));
    list->setUniformItemSizes(true);
    m_completer->setPopup(list);
    // After setPopup(), which puts a delegate of its own.
    list->setItemDelegate(new EntityItemDelegate(list));
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this, &EntityPicker::choose);
    list->installEventFilter(this);

    m_arrow->setObjectName(QStringLiteral("entityPickerArrowAction"));
    m_arrow->setToolTip(tr("Show the list (Down)"));
    addAction(m_arrow, QLineEdit::TrailingPosition);
    updateArrowIcon();
    connect(m_arrow, &QAction::triggered, this, &EntityPicker::showCompletions);
    connect(this, &QLineEdit::textEdited, this, &EntityPicker::onTextEdited);
}

EntityPicker::~EntityPicker() = default;

void EntityPicker::setKinds(doc::EntityCompletionModel::Kinds kinds)
{
    m_filter->setKinds(kinds);
}

doc::EntityCompletionModel::Kinds EntityPicker::kinds() const
{
    return m_filter->kinds();
}

void EntityPicker::setPreferredKeys(const QStringList &keys)
{
    m_filter->setPreferredKeys(keys);
}

doc::EntityCompletionModel::Resolution EntityPicker::resolution() const
{
    return m_filter->entities()->resolve(text(), m_filter->kinds());
}

QString EntityPicker::key() const
{
    return resolution().key;
}

QAbstractItemView *EntityPicker::popup() const
{
    return m_completer->popup();
}

void EntityPicker::onTextEdited(const QString &text)
{
    if (text.trimmed().isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_filter->setText(text);
    m_filter->setActive(true);
    if (m_filter->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    popUp();
}

void EntityPicker::popUp()
{
    m_completer->complete(QRect(0, 0, std::max(width(), kPopupWidth), height()));
    m_completer->popup()->setCurrentIndex(QModelIndex());
    m_completer->popup()->scrollToTop();
}

void EntityPicker::showCompletions()
{
    const doc::EntityCompletionModel::Resolution r = resolution();
    m_filter->setActive(true);
    // A field that already names one entry shows everything, that one selected (as a combo box's list does).
    m_filter->setText(r.status == Status::Name ? QString() : text());
    if (m_filter->rowCount() > 0 && r.status == Status::Key
        && m_filter->index(0, 0).data(doc::EntityCompletionModel::KeyRole).toString() == r.key)
        m_filter->setText(QString());
    if (m_filter->rowCount() == 0)
        m_filter->setText(QString());
    if (m_filter->rowCount() == 0)
        return;
    popUp();
    if (r.status == Status::Name || r.status == Status::Key) {
        const QModelIndexList current =
            m_filter->match(m_filter->index(0, 0), doc::EntityCompletionModel::KeyRole, r.key, 1, Qt::MatchExactly);
        if (!current.isEmpty()) {
            // The list shows the completer's model, row for row the filter's.
            const QModelIndex row = m_completer->completionModel()->index(current.front().row(), 0);
            m_completer->popup()->setCurrentIndex(row);
            m_completer->popup()->scrollTo(row, QAbstractItemView::PositionAtCenter);
        }
    }
}

void EntityPicker::choose(const QModelIndex &index)
{
    const QString chosen = index.data(doc::EntityCompletionModel::KeyRole).toString();
    if (chosen.isEmpty())
        return;
    setText(chosen);
    Q_EMIT picked(chosen);
}

void EntityPicker::commit()
{
    const doc::EntityCompletionModel::Resolution r = resolution();
    switch (r.status) {
    case Status::Name:
        m_completer->popup()->hide();
        setText(r.key);
        Q_EMIT picked(r.key);
        break;
    case Status::Key:
        m_completer->popup()->hide();
        Q_EMIT picked(r.key);
        break;
    case Status::Ambiguous:
        // Not a guess: the entries of that name, to choose from.
        m_filter->setText(text(), true);
        m_filter->setActive(true);
        popUp();
        break;
    case Status::Empty:
    case Status::Unknown:
        break;
    }
}

void EntityPicker::keyPressEvent(QKeyEvent *event)
{
    QAbstractItemView *list = m_completer->popup();
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        if (list->isVisible() && list->currentIndex().isValid()) {
            // A row chosen in the list: the completer takes it once the field lets the key go (with the list open,
            // keys reach the field through the completer, which acts on those the field ignores).
            event->ignore();
            return;
        }
        commit();
        // Taken: the completer then leaves the list as commit() left it (open on the entries of a name several have).
        event->accept();
        return;
    }
    const bool down = event->key() == Qt::Key_Down
        && (event->modifiers() == Qt::NoModifier || event->modifiers() == Qt::AltModifier
            || event->modifiers() == Qt::KeypadModifier);
    if (down && !list->isVisible()) {
        showCompletions();
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

bool EntityPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_completer->popup() && event->type() == QEvent::Hide) {
        // A closed list follows no change of the workspace (EntityFilterModel::setActive). Later: the completer hides
        // the list before it reports the row chosen in it.
        QTimer::singleShot(0, this, [this] {
            if (!m_completer->popup()->isVisible())
                m_filter->setActive(false);
        });
    }
    return QLineEdit::eventFilter(watched, event);
}

void EntityPicker::changeEvent(QEvent *event)
{
    QLineEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateArrowIcon();
}

void EntityPicker::updateArrowIcon()
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const qreal ratio = devicePixelRatioF();
    QPixmap pixmap(QSize(size, size) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QStyleOption option;
    option.initFrom(this);
    option.rect = QRect(0, 0, size, size);
    option.state = QStyle::State_Enabled;
    style()->drawPrimitive(QStyle::PE_IndicatorArrowDown, &option, &painter, this);
    painter.end();
    m_arrow->setIcon(QIcon(pixmap));
}

} // namespace rd::ui
