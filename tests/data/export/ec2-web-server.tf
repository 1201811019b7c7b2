# IAM roles of EC2 web server, exported by IAM Role Designer.
terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

resource "aws_iam_policy" "AppConfigRead" {
  name        = "AppConfigRead"
  path        = "/app/"
  description = "Read the application's parameters"
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Effect"   = "Allow"
        "Action"   = "ssm:GetParametersByPath"
        "Resource" = "arn:aws:ssm:eu-west-1:111122223333:parameter/app/*"
      },
    ]
  })
}

resource "aws_iam_policy" "DeveloperBoundary" {
  name = "DeveloperBoundary"
  path = "/"
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Effect" = "Allow"
        "Action" = [
          "s3:*",
          "ssm:*",
          "logs:*",
        ]
        "Resource" = "*"
      },
      {
        "Effect"   = "Deny"
        "Action"   = "iam:*"
        "Resource" = "*"
      },
    ]
  })
}

resource "aws_iam_role" "WebServer" {
  name                 = "WebServer"
  path                 = "/app/"
  description          = "Instances of the web tier: read their configuration, \"no\" writes"
  max_session_duration = 7200
  permissions_boundary = aws_iam_policy.DeveloperBoundary.arn
  assume_role_policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Effect" = "Allow"
        "Principal" = {
          "Service" = "ec2.amazonaws.com"
        }
        "Action" = "sts:AssumeRole"
      },
    ]
  })
  tags = {
    "team"        = "web"
    "cost-center" = "4711"
  }
}

resource "aws_iam_role_policy" "WebServer_ReadReleases" {
  name = "ReadReleases"
  role = aws_iam_role.WebServer.name
  policy = jsonencode({
    "Version" = "2012-10-17"
    "Statement" = [
      {
        "Sid"    = "ReadReleases"
        "Effect" = "Allow"
        "Action" = [
          "s3:GetObject",
          "s3:ListBucket",
        ]
        "Resource" = [
          "arn:aws:s3:::releases",
          "arn:aws:s3:::releases/web/*",
        ]
        "Condition" = {
          "Bool" = {
            "aws:SecureTransport" = "true"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "WebServer_AppConfigRead" {
  role       = aws_iam_role.WebServer.name
  policy_arn = aws_iam_policy.AppConfigRead.arn
}

resource "aws_iam_role_policy_attachment" "WebServer_AmazonSSMManagedInstanceCore" {
  role       = aws_iam_role.WebServer.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "WebServer" {
  name = "WebServer"
  path = "/app/"
  role = aws_iam_role.WebServer.name
}
