// SPDX-FileCopyrightText: IAM Role Designer authors
// SPDX-License-Identifier: MIT
// role-designer: the desktop application. Opens the workspace named on the command line, or the bundled example.
#include "rd/core/base/Version.h"
#include "widgets/shell/AppTheme.h"
#include "widgets/shell/ExportDialog.h"
#include "widgets/shell/MainWindow.h"
#include "widgets/shell/NewRoleDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTextStream>
#include <QTimer>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("role-designer"));
    QApplication::setApplicationName(QStringLiteral("role-designer"));
    QApplication::setApplicationDisplayName(QStringLiteral("IAM Role Designer"));
    QApplication::setApplicationVersion(QString::fromUtf8(rd::core::productVersion().data()));
    QApplication::setDesktopFileName(QStringLiteral("io.github.role_designer.RoleDesigner"));
    QApplication::setWindowIcon(QIcon::fromTheme(
        QStringLiteral("io.github.role_designer.RoleDesigner"), QIcon(QStringLiteral(":/icons/role-designer.svg"))));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Design AWS IAM roles offline."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"),
        QStringLiteral("Workspace file (.rdws) or `aws iam get-account-authorization-details` "
                       "output; the bundled example when omitted."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QStringLiteral("Render the window to a PNG file and exit."), QStringLiteral("file"));
    const QCommandLineOption view(QStringLiteral("view"),
        QStringLiteral("What the screenshot shows: %1.")
            .arg(rd::ui::MainWindow::viewNames().join(QStringLiteral(", "))),
        QStringLiteral("name"), QStringLiteral("main"));
    const QCommandLineOption role(
        QStringLiteral("role"), QStringLiteral("Select this role at start."), QStringLiteral("name"));
    const QCommandLineOption theme(QStringLiteral("theme"),
        QStringLiteral("Colours for this run: system, light or dark (View > Theme keeps a choice)."),
        QStringLiteral("name"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("The window's size for the screenshot (default: the window's own, 1100x720)."),
        QStringLiteral("WIDTHxHEIGHT"));
    const QCommandLineOption cloudTrail(QStringLiteral("cloudtrail"),
        QStringLiteral("Read these CloudTrail logs (a .json or .json.gz file, or a folder; repeatable) for the Usage "
                       "panel, as File > Import CloudTrail Logs does."),
        QStringLiteral("path"));
    parser.addOptions({ screenshot, view, role, theme, size, cloudTrail });
    parser.process(app);

    rd::ui::AppTheme::Mode mode = rd::ui::AppTheme::saved();
    if (parser.isSet(theme)) {
        const QString name = parser.value(theme);
        if (name == QLatin1String("light"))
            mode = rd::ui::AppTheme::Mode::Light;
        else if (name == QLatin1String("dark"))
            mode = rd::ui::AppTheme::Mode::Dark;
        else if (name == QLatin1String("system"))
            mode = rd::ui::AppTheme::Mode::System;
        else {
            QTextStream(stderr) << "role-designer: unknown theme " << name << " (known: system, light, dark)\n";
            return 2;
        }
    }
    rd::ui::AppTheme::apply(mode);
    rd::ui::MainWindow window;
    const QStringList files = parser.positionalArguments();
    const QString path = files.isEmpty() ? QStringLiteral(":/examples/lambda-logging.rdws") : files.first();
    QString error;
    if (!window.openFile(path, &error)) {
        QTextStream(stderr) << "role-designer: " << error << '\n';
        return 2;
    }
    if (parser.isSet(role) && !window.selectRole(parser.value(role))) {
        QTextStream(stderr) << "role-designer: no role named " << parser.value(role) << '\n';
        return 2;
    }

    if (parser.isSet(cloudTrail)) {
        if (!window.importCloudTrail(parser.values(cloudTrail), &error)) {
            QTextStream(stderr) << "role-designer: " << error << '\n';
            return 2;
        }
    }

    if (parser.isSet(screenshot)) {
        const QString name = parser.value(view);
        if (!rd::ui::MainWindow::viewNames().contains(name)) {
            QTextStream(stderr) << "role-designer: unknown view " << name
                                << " (known: " << rd::ui::MainWindow::viewNames().join(QStringLiteral(", ")) << ")\n";
            return 2;
        }
        const QString out = parser.value(screenshot);
        if (name == QLatin1String("export")) {
            // File > Export on the open workspace, as a CloudFormation template.
            rd::ui::ExportDialog dialog(window.document(), {}, &window);
            dialog.setFormat(rd::core::ExportFormat::CloudFormationYaml);
            dialog.show();
            QApplication::processEvents();
            if (!dialog.grab().save(out, "PNG")) {
                QTextStream(stderr) << "role-designer: cannot write " << out << '\n';
                return 2;
            }
            return 0;
        }
        if (name == QLatin1String("new-role")) {
            // The template dialog for the classic Lambda role, as File > New Role from Template opens it.
            rd::ui::NewRoleDialog dialog(QStringLiteral("111122223333"));
            dialog.selectTemplate(QStringLiteral("lambda-s3-logs"));
            dialog.show();
            QApplication::processEvents();
            if (!dialog.grab().save(out, "PNG")) {
                QTextStream(stderr) << "role-designer: cannot write " << out << '\n';
                return 2;
            }
            return 0;
        }
        if (parser.isSet(size)) {
            const QStringList parts = parser.value(size).split(QLatin1Char('x'));
            bool wideOk = false;
            bool highOk = false;
            const int width = parts.size() == 2 ? parts[0].toInt(&wideOk) : 0;
            const int height = parts.size() == 2 ? parts[1].toInt(&highOk) : 0;
            if (!wideOk || !highOk || width < 200 || height < 200 || width > 8000 || height > 8000) {
                QTextStream(stderr) << "role-designer: --size wants WIDTHxHEIGHT, 200 to 8000 each, not "
                                    << parser.value(size) << '\n';
                return 2;
            }
            window.resize(width, height);
        }
        window.show();
        QApplication::processEvents();
        window.showView(name);
        QApplication::processEvents();
        // A view that opens a dialog (the least-privilege proposal) is a picture of the dialog.
        QWidget *shown = QApplication::activeModalWidget() ? QApplication::activeModalWidget() : &window;
        if (!shown->grab().save(out, "PNG")) {
            QTextStream(stderr) << "role-designer: cannot write " << out << '\n';
            return 2;
        }
        return 0;
    }
    window.show();
    window.offerRecovery();
    return QApplication::exec();
}
